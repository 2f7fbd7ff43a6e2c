import type { PhotoCaptionTextField, PortalPhotoFields } from '../../../shared/model/PhotoMetadata';
import { truncateUtf8 } from './truncateUtf8';

/**
 * IPTC IIM 4.2's maximum length of each dataset we write, in bytes (of UTF-8, as we write it).
 * Longer values are cut here, between characters, and written whole in XMP, which has no limits:
 * the reconciliation Adobe's XMP toolkit does and the MWG guidelines expect of readers. Leaving
 * the cut to ExifTool is worse both ways: with its "ignore minor errors" (exiftool-vendored's
 * default) it writes past the limit, and without it it cuts bytes and puts '.' where a letter was.
 */
export const IPTC_MAX_BYTES: Record<PhotoCaptionTextField, number> = {
  caption: 2000, // 2:120 Caption-Abstract
  headline: 256, // 2:105 Headline
  byline: 32, // 2:80 By-line (each)
  credit: 32, // 2:110 Credit
  copyright: 128, // 2:116 CopyrightNotice
  city: 32, // 2:90 City
  province: 32, // 2:95 Province-State
  country: 64, // 2:101 Country-PrimaryLocationName
  keywords: 64, // 2:25 Keywords (each)
};

export type ExifToolTagValue = string | number | string[];

export interface PortalRenditionTags {
  /** ExifTool write tags, family-1 group prefixed, for a file that has no metadata yet. */
  tags: Record<string, ExifToolTagValue>;
  /** Fields whose IPTC copy was cut to IPTC_MAX_BYTES (their XMP copy is whole). */
  truncatedInIptc: PhotoCaptionTextField[];
}

/**
 * The metadata of the portal rendition: every caption field in IPTC (what WordPress reads, as
 * UTF-8 with CodedCharacterSet 1:90 = ESC % G so its seems_utf8 check passes untouched) and in
 * XMP (what everything newer reads), an IPTC digest so MWG readers know both agree, orientation 1
 * (sharp has turned the pixels), and GPS only when `keepGps` and a position is known. No EXIF
 * text: a third copy is one more to drift, and WordPress reads EXIF only when IPTC is empty.
 * `fields` must be NFC and trimmed (the service makes it so).
 */
export function portalRenditionTags(fields: PortalPhotoFields, { keepGps }: { keepGps: boolean }): PortalRenditionTags {
  const tags: Record<string, ExifToolTagValue> = {
    'IPTC:CodedCharacterSet': 'UTF8',
    'IFD0:Orientation#': 1,
  };
  const truncatedInIptc = new Set<PhotoCaptionTextField>();
  const iptc = (field: PhotoCaptionTextField, value: string): string => {
    const fitted = truncateUtf8(value, IPTC_MAX_BYTES[field]);
    if (fitted !== value) truncatedInIptc.add(field);
    return fitted;
  };
  const text = (field: Exclude<PhotoCaptionTextField, 'keywords' | 'byline'>, iptcTag: string, xmpTag: string): void => {
    const value = fields[field];
    if (value === '') return;
    tags[iptcTag] = iptc(field, value);
    tags[xmpTag] = value;
  };

  text('caption', 'IPTC:Caption-Abstract', 'XMP-dc:Description');
  text('headline', 'IPTC:Headline', 'XMP-photoshop:Headline');
  text('credit', 'IPTC:Credit', 'XMP-photoshop:Credit');
  text('copyright', 'IPTC:CopyrightNotice', 'XMP-dc:Rights');
  text('city', 'IPTC:City', 'XMP-photoshop:City');
  text('province', 'IPTC:Province-State', 'XMP-photoshop:State');
  text('country', 'IPTC:Country-PrimaryLocationName', 'XMP-photoshop:Country');

  // Several creators travel as "A; B" (as readPhotoMetadata joins them, and as MWG lists EXIF Artist).
  const creators = fields.byline
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (creators.length > 0) {
    tags['IPTC:By-line'] = creators.map((name) => iptc('byline', name));
    tags['XMP-dc:Creator'] = creators;
  }
  const keywords = fields.keywords.filter((keyword) => keyword !== '');
  if (keywords.length > 0) {
    tags['IPTC:Keywords'] = keywords.map((keyword) => iptc('keywords', keyword));
    tags['XMP-dc:Subject'] = keywords;
  }

  if (fields.dateTaken) {
    const [date = '', time] = fields.dateTaken.split('T');
    tags['IPTC:DateCreated'] = date.replaceAll('-', ':');
    // IIM's time has an offset by definition; given none, ExifTool would add this machine's
    // current one. A time whose zone is unknown goes to XMP only, which allows that.
    if (time && /(Z|[+-]\d{2}:\d{2})$/.test(time)) tags['IPTC:TimeCreated'] = time;
    tags['XMP-photoshop:DateCreated'] = fields.dateTaken;
  }

  const position = fields.gps.position;
  if (keepGps && position) {
    tags['GPS:GPSLatitude'] = Math.abs(position.latitude);
    tags['GPS:GPSLatitudeRef'] = position.latitude < 0 ? 'S' : 'N';
    tags['GPS:GPSLongitude'] = Math.abs(position.longitude);
    tags['GPS:GPSLongitudeRef'] = position.longitude < 0 ? 'W' : 'E';
  }

  // Last, so ExifTool computes it over the IPTC written above ("new" is its word for that).
  tags['Photoshop:IPTCDigest'] = 'new';
  return { tags, truncatedInIptc: [...truncatedInIptc] };
}
