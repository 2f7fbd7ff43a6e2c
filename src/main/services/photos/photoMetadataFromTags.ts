import type { PhotoCaption, PhotoMetadata } from '../../../shared/model/PhotoMetadata';
import { normalizeText } from '../../../shared/text/normalizeText';

/**
 * The tags readPhotoMetadata asks ExifTool for, keyed by family-1 group (`-G1`), so that the
 * same name in EXIF, IPTC and XMP stays three values and the precedence below is ours, not
 * ExifTool's. `-charset iptc=utf8` makes ExifTool hand IPTC over as raw bytes whether or not
 * the file has CodedCharacterSet 1:90 (ESC % G is UTF-8 to it too): bytes that are valid UTF-8
 * come through as text, the rest arrive in exiftool-vendored's `invalidUtf8Bytes` and are
 * decoded below as Windows Latin-1. ExifTool's default (Latin-1 whenever 1:90 is absent) would
 * garble the UTF-8 captions Vietnamese tools write without the marker. JSONQ keeps "1.200" and
 * "2024" strings (plain JSON output turns them into numbers and drops the trailing zeros).
 * `#` asks for a number where we parse one.
 */
export const PHOTO_READ_ARGS = [
  '-G1',
  '-fast',
  '-charset',
  'iptc=utf8',
  '-api',
  'StructFormat=JSONQ',
  '-IPTC:Caption-Abstract',
  '-IPTC:Headline',
  '-IPTC:By-line',
  '-IPTC:Credit',
  '-IPTC:CopyrightNotice',
  '-IPTC:City',
  '-IPTC:Province-State',
  '-IPTC:Country-PrimaryLocationName',
  '-IPTC:Keywords',
  '-IPTC:DateCreated',
  '-IPTC:TimeCreated',
  '-XMP-dc:Description',
  '-XMP-photoshop:Headline',
  '-XMP-dc:Creator',
  '-XMP-photoshop:Credit',
  '-XMP-dc:Rights',
  '-XMP-photoshop:City',
  '-XMP-photoshop:State',
  '-XMP-photoshop:Country',
  '-XMP-dc:Subject',
  '-XMP-photoshop:DateCreated',
  '-IFD0:ImageDescription',
  '-IFD0:Artist',
  '-IFD0:Copyright',
  '-ExifIFD:DateTimeOriginal',
  '-ExifIFD:OffsetTimeOriginal',
  '-IFD0:Orientation#',
  '-Photoshop:IPTCDigest',
  '-CurrentIPTCDigest',
  '-GPS:all',
  '-XMP-exif:GPS*',
  // "lat lon", signed, from EXIF GPS or else XMP (exif:GPSLatitude…), whichever the file has.
  '-Composite:GPSPosition#',
  '-Composite:ImageSize#',
];

/** What exiftool-vendored's readRaw returns: tag values, and the bytes of those not valid UTF-8. */
export type RawPhotoTags = Record<string, unknown> & { invalidUtf8Bytes?: InvalidBytes };
interface InvalidBytes {
  [tagOrIndex: string]: Uint8Array | InvalidBytes;
}

/**
 * Text that is not UTF-8 is taken as Windows-1252, ExifTool's own "Latin" and what Windows
 * captioning tools write: ISO 8859-1 plus the quotes and dashes people type at 0x80–0x9F. By
 * hand, because Node 20's TextDecoder('windows-1252') decodes those as C1 controls (ISO 8859-1).
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/**
 * Maps ExifTool's tags (read with PHOTO_READ_ARGS) to PhotoMetadata; null when they describe no
 * image (no pixel size).
 *
 * Which copy wins, for every caption field: **XMP, then IPTC, then EXIF**, the order of the MWG
 * 2.0 guidelines for IPTC and XMP, with one exception they make too: when the file's IPTC digest
 * (Photoshop:IPTCDigest, written by XMP-aware tools) no longer matches its IPTC, a tool that
 * writes IPTC only changed the caption after the XMP was written, and IPTC wins. XMP comes first
 * otherwise because it is Unicode by definition and has no length limits: IPTC may be in an
 * unknown charset and is cut at 2000 bytes (captions), 32 (by-line, credit). EXIF comes last,
 * unlike MWG's order for the description, because cameras fill ImageDescription, Artist and
 * Copyright with their own defaults ("SONY DSC") that must not hide a photographer's caption.
 * A field is taken whole from one source (keywords are not merged across copies).
 *
 * dateTaken is the exception: the EXIF DateTimeOriginal the camera stamped at the shutter comes
 * first (MWG's order too), then XMP and IPTC as above.
 */
export function photoMetadataFromTags(tags: RawPhotoTags): PhotoMetadata | null {
  const size = /^(\d+)\s+(\d+)$/.exec(scalar(tags, 'Composite:ImageSize'));
  if (!size) return null;
  const orientation = orientationOf(scalar(tags, 'IFD0:Orientation'));
  const [storedWidth, storedHeight] = [Number(size[1]), Number(size[2])];
  if (storedWidth <= 0 || storedHeight <= 0) return null;
  const turned = orientation >= 5;

  const storedDigest = scalar(tags, 'Photoshop:IPTCDigest');
  const currentDigest = scalar(tags, 'File:CurrentIPTCDigest');
  const iptcEditedLater = storedDigest !== '' && currentDigest !== '' && storedDigest !== currentDigest;
  const pick = (xmp: string[], iptc: string[], exif: string[] = []): string[] =>
    (iptcEditedLater ? [iptc, xmp, exif] : [xmp, iptc, exif]).find((values) => values.length > 0) ?? [];
  const one = (xmp: string, iptc: string, exif?: string): string =>
    pick(texts(tags, xmp), texts(tags, iptc), exif ? texts(tags, exif) : []).join('; ');

  const caption: PhotoCaption = {
    caption: one('XMP-dc:Description', 'IPTC:Caption-Abstract', 'IFD0:ImageDescription'),
    headline: one('XMP-photoshop:Headline', 'IPTC:Headline'),
    byline: one('XMP-dc:Creator', 'IPTC:By-line', 'IFD0:Artist'),
    credit: one('XMP-photoshop:Credit', 'IPTC:Credit'),
    copyright: one('XMP-dc:Rights', 'IPTC:CopyrightNotice', 'IFD0:Copyright'),
    city: one('XMP-photoshop:City', 'IPTC:City'),
    province: one('XMP-photoshop:State', 'IPTC:Province-State'),
    country: one('XMP-photoshop:Country', 'IPTC:Country-PrimaryLocationName'),
    dateTaken: dateTaken(tags, iptcEditedLater),
    keywords: [...new Set(pick(texts(tags, 'XMP-dc:Subject'), texts(tags, 'IPTC:Keywords')))],
  };

  const gpsPresent = Object.keys(tags).some((key) => key.startsWith('GPS:') || key.startsWith('XMP-exif:GPS'));
  const [latitude = NaN, longitude = NaN] = scalar(tags, 'Composite:GPSPosition').split(/\s+/).map(Number.parseFloat);
  // 0,0 is what many cameras write before they have a fix (exiftool-vendored ignores it too).
  const positioned =
    Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && (latitude !== 0 || longitude !== 0);

  return {
    ...caption,
    width: turned ? storedHeight : storedWidth,
    height: turned ? storedWidth : storedHeight,
    orientation,
    gps: { present: gpsPresent, position: positioned ? { latitude, longitude } : null },
  };
}

/** Every value of a tag (lists stay lists), decoded, NFC, trimmed, empty ones dropped. */
function texts(tags: RawPhotoTags, key: string): string[] {
  const value = tags[key];
  if (value === undefined || value === null) return [];
  const invalid = tags.invalidUtf8Bytes?.[key];
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values
    .map((item, index) => {
      const bytes = invalid instanceof Uint8Array ? invalid : invalid?.[String(index)];
      const text = bytes instanceof Uint8Array ? decodeWindows1252(bytes) : String(item);
      return normalizeText(text.replaceAll('\u0000', '')).trim();
    })
    .filter((text) => text !== '');
}

function scalar(tags: RawPhotoTags, key: string): string {
  return texts(tags, key)[0] ?? '';
}

function orientationOf(value: string): number {
  const orientation = Number(value);
  return Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1;
}

function dateTaken(tags: RawPhotoTags, iptcEditedLater: boolean): string | null {
  const original = scalar(tags, 'ExifIFD:DateTimeOriginal');
  const exif = original ? isoDate(`${original}${scalar(tags, 'ExifIFD:OffsetTimeOriginal')}`) : null;
  const xmp = isoDate(scalar(tags, 'XMP-photoshop:DateCreated'));
  const iptcDate = scalar(tags, 'IPTC:DateCreated');
  const iptc = iptcDate ? isoDate(`${iptcDate} ${scalar(tags, 'IPTC:TimeCreated')}`) : null;
  return exif ?? (iptcEditedLater ? (iptc ?? xmp) : (xmp ?? iptc));
}

const EXIF_DATE = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ExifTool's date forms ("2024:09:30 08:15:00+07:00", "2024:09:30", IPTC's date + time) as ISO
 * 8601; null for the zeros cameras write when their clock was never set, and for nonsense.
 */
function isoDate(value: string): string | null {
  const match = EXIF_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  if (Number(year) === 0 || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return date;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${date}T${hour}:${minute}:${second ?? '00'}${offset}`;
}
