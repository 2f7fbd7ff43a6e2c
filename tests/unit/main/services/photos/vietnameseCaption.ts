import type { PhotoCaption } from '../../../../../src/shared/model/PhotoMetadata';

/** A small-town portal's photo caption, every field in Vietnamese (each within IPTC's lengths). */
export const VIETNAMESE_CAPTION: PhotoCaption = {
  caption: 'Điểm cầu tại Sở Thông tin và Truyền thông tỉnh Nghệ An, sáng 30/9',
  headline: 'Cửa Lò tổ chức hội nghị giao ban quý III',
  byline: 'Nguyễn Văn Hùng',
  credit: 'Báo Nghệ An',
  copyright: '© Trung tâm Truyền thông Cửa Lò',
  city: 'Cửa Lò',
  province: 'Nghệ An',
  country: 'Việt Nam',
  dateTaken: '2024-09-30T08:15:00+07:00',
  keywords: ['hội nghị', 'giao ban', 'Cửa Lò', 'quý III'],
};

/** Debian exiftool arguments writing VIETNAMESE_CAPTION into IPTC (the caller picks the charset). */
export function iptcArgs(caption: PhotoCaption = VIETNAMESE_CAPTION): string[] {
  return [
    `-IPTC:Caption-Abstract=${caption.caption}`,
    `-IPTC:Headline=${caption.headline}`,
    `-IPTC:By-line=${caption.byline}`,
    `-IPTC:Credit=${caption.credit}`,
    `-IPTC:CopyrightNotice=${caption.copyright}`,
    `-IPTC:City=${caption.city}`,
    `-IPTC:Province-State=${caption.province}`,
    `-IPTC:Country-PrimaryLocationName=${caption.country}`,
    ...caption.keywords.map((keyword) => `-IPTC:Keywords=${keyword}`),
    '-IPTC:DateCreated=2024:09:30',
    '-IPTC:TimeCreated=08:15:00+07:00',
  ];
}

/** Debian exiftool arguments writing VIETNAMESE_CAPTION into XMP only. */
export function xmpArgs(caption: PhotoCaption = VIETNAMESE_CAPTION): string[] {
  return [
    `-XMP-dc:Description=${caption.caption}`,
    `-XMP-photoshop:Headline=${caption.headline}`,
    `-XMP-dc:Creator=${caption.byline}`,
    `-XMP-photoshop:Credit=${caption.credit}`,
    `-XMP-dc:Rights=${caption.copyright}`,
    `-XMP-photoshop:City=${caption.city}`,
    `-XMP-photoshop:State=${caption.province}`,
    `-XMP-photoshop:Country=${caption.country}`,
    ...caption.keywords.map((keyword) => `-XMP-dc:Subject=${keyword}`),
    '-XMP-photoshop:DateCreated=2024:09:30 08:15:00+07:00',
  ];
}
