import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotoMetadataService, PORTAL_MAX_PX } from '../../../../../src/main/services/photos/PhotoMetadataService';
import { IPTC_MAX_BYTES } from '../../../../../src/main/services/photos/portalRenditionTags';
import type { PortalPhotoFields } from '../../../../../src/shared/model/PhotoMetadata';
import { debianExiftoolMissing, debianRead, debianWrite, halvesJpeg, plainJpeg } from './debianExiftool';
import { VIETNAMESE_CAPTION } from './vietnameseCaption';

const UTF8_MARKER = Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]);

/** Whether cutting `text` at `maxBytes` bytes would split a letter (the case a naive cut gets wrong). */
const bytesCutSplitsALetter = (text: string, maxBytes: number) => Buffer.from(text).subarray(0, maxBytes).toString().includes('\uFFFD');
const FIELDS: PortalPhotoFields = { ...VIETNAMESE_CAPTION, gps: { present: true, position: { latitude: 18.7955, longitude: 105.7245 } } };

let dir: string;
let photos: PhotoMetadataService;
let counter = 0;
const skip = debianExiftoolMissing();

/** The rendition on disk, read back by Debian's exiftool (IPTC as UTF-8). */
async function readBack(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const file = join(dir, `rendition-${(counter += 1)}.jpg`);
  writeFileSync(file, bytes);
  return debianRead(file);
}

/** A camera original: pixels plus camera EXIF and GPS in EXIF and XMP, written by Debian exiftool. */
async function cameraOriginal(name: string, width = 400, height = 200, extra: string[] = []): Promise<Buffer> {
  const file = await plainJpeg(dir, name, width, height);
  await debianWrite(file, [
    '-EXIF:Make=SONY',
    '-EXIF:Model=ILCE-7M3',
    '-EXIF:SerialNumber=4012345',
    '-GPSLatitude=18.7955',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=105.7245',
    '-GPSLongitudeRef=E',
    '-XMP-exif:GPSLatitude=18.7955 N',
    '-XMP-exif:GPSLongitude=105.7245 E',
    '-IPTC:Caption-Abstract=old caption',
    ...extra,
  ]);
  return readFileSync(file);
}

describe.skipIf(skip !== null)('PhotoMetadataService.writePortalRendition (read back by Debian exiftool)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-rendition-'));
    photos = new PhotoMetadataService();
  });
  afterAll(async () => {
    await photos?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every caption field in Vietnamese to IPTC (UTF-8, 1:90 = ESC % G) and XMP', async () => {
    const rendition = await photos.writePortalRendition(await cameraOriginal('fields.jpg'), FIELDS);
    expect(Buffer.from(rendition.bytes).includes(UTF8_MARKER)).toBe(true);
    const tags = await readBack(rendition.bytes);
    expect(tags).toMatchObject({
      'IPTC:CodedCharacterSet': 'UTF8',
      'IPTC:Caption-Abstract': VIETNAMESE_CAPTION.caption,
      'IPTC:Headline': VIETNAMESE_CAPTION.headline,
      'IPTC:By-line': VIETNAMESE_CAPTION.byline,
      'IPTC:Credit': VIETNAMESE_CAPTION.credit,
      'IPTC:CopyrightNotice': VIETNAMESE_CAPTION.copyright,
      'IPTC:City': VIETNAMESE_CAPTION.city,
      'IPTC:Province-State': VIETNAMESE_CAPTION.province,
      'IPTC:Country-PrimaryLocationName': VIETNAMESE_CAPTION.country,
      'IPTC:Keywords': VIETNAMESE_CAPTION.keywords,
      'IPTC:DateCreated': '2024:09:30',
      'IPTC:TimeCreated': '08:15:00+07:00',
      'XMP-dc:Description': VIETNAMESE_CAPTION.caption,
      'XMP-photoshop:Headline': VIETNAMESE_CAPTION.headline,
      'XMP-dc:Creator': VIETNAMESE_CAPTION.byline,
      'XMP-photoshop:Credit': VIETNAMESE_CAPTION.credit,
      'XMP-dc:Rights': VIETNAMESE_CAPTION.copyright,
      'XMP-photoshop:City': VIETNAMESE_CAPTION.city,
      'XMP-photoshop:State': VIETNAMESE_CAPTION.province,
      'XMP-photoshop:Country': VIETNAMESE_CAPTION.country,
      'XMP-dc:Subject': VIETNAMESE_CAPTION.keywords,
      'XMP-photoshop:DateCreated': '2024:09:30 08:15:00+07:00',
    });
    // The digest tells MWG readers that IPTC and XMP agree.
    expect(tags['Photoshop:IPTCDigest']).toBe(tags['File:CurrentIPTCDigest']);
    expect(rendition.truncatedInIptc).toEqual([]);
    // And our own reader gives back what was written.
    expect(await photos.readPhotoMetadata(rendition.bytes)).toMatchObject(VIETNAMESE_CAPTION);
  });

  it('removes GPS (EXIF and XMP) and the camera EXIF by default, keeps the position when asked', async () => {
    const original = await cameraOriginal('gps.jpg');
    expect(Object.keys(await readBack(original)).filter((key) => key.includes('GPS')).length).toBeGreaterThan(0);

    const stripped = await readBack((await photos.writePortalRendition(original, FIELDS)).bytes);
    expect(Object.keys(stripped).filter((key) => key.includes('GPS'))).toEqual([]);
    expect(stripped['IFD0:Make']).toBeUndefined();
    expect(stripped['ExifIFD:SerialNumber']).toBeUndefined();
    expect(stripped['IPTC:Caption-Abstract']).toBe(VIETNAMESE_CAPTION.caption);
    expect(stripped['IPTC:Credit']).toBe(VIETNAMESE_CAPTION.credit);
    expect(stripped['IPTC:CopyrightNotice']).toBe(VIETNAMESE_CAPTION.copyright);

    const kept = await photos.writePortalRendition(original, { ...FIELDS, gps: { present: true, position: { latitude: -18.7955, longitude: 105.7245 } } }, { stripGps: false });
    const { gps } = await photos.readPhotoMetadata(kept.bytes);
    expect(gps.present).toBe(true);
    expect(gps.position?.latitude).toBeCloseTo(-18.7955, 4);
    expect(gps.position?.longitude).toBeCloseTo(105.7245, 4);
    expect((await readBack(kept.bytes))['GPS:GPSLatitudeRef']).toBe('South');
  });

  it('applies the orientation: 400×200 with Orientation 6 comes out 200×400 with orientation 1, turned', async () => {
    const file = await plainJpeg(dir, 'turned.jpg');
    await debianWrite(file, ['-IFD0:Orientation#=6']);
    const rendition = await photos.writePortalRendition(readFileSync(file), FIELDS);
    expect([rendition.width, rendition.height]).toEqual([200, 400]);
    const tags = await readBack(rendition.bytes);
    expect([tags['File:ImageWidth'], tags['File:ImageHeight'], tags['IFD0:Orientation']]).toEqual([200, 400, 'Horizontal (normal)']);
    // Orientation 6 turns the picture 90° clockwise: its red left half is now on top.
    const { data, info } = await sharp(Buffer.from(rendition.bytes)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    const [topRed, , topBlue] = pixel(100, 50);
    const [bottomRed, , bottomBlue] = pixel(100, 350);
    expect(topRed! > 150 && topBlue! < 80).toBe(true);
    expect(bottomBlue! > 150 && bottomRed! < 80).toBe(true);
  });

  it('fits the long edge in 2048 px, never enlarges, and writes sRGB with its profile', async () => {
    const large = await photos.writePortalRendition(await halvesJpeg(3000, 1500), FIELDS);
    expect([large.width, large.height]).toEqual([PORTAL_MAX_PX, PORTAL_MAX_PX / 2]);
    const small = await photos.writePortalRendition(await halvesJpeg(640, 480), FIELDS);
    expect([small.width, small.height]).toEqual([640, 480]);

    // A Display P3 original (sRGB 60,180,90 stored as P3 ≈ 96,179,101) is converted back to
    // sRGB values, not just relabelled.
    const p3 = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 60, g: 180, b: 90 } } })
      .withIccProfile('p3')
      .jpeg({ quality: 100 })
      .toBuffer();
    expect((await readBack(p3))['ICC_Profile:ProfileDescription']).toMatch(/P3/);
    const rendition = (await photos.writePortalRendition(p3, FIELDS)).bytes;
    const converted = await readBack(rendition);
    expect(converted['ICC_Profile:ProfileDescription']).toBe('sRGB');
    expect(converted['File:FileType']).toBe('JPEG');
    const stored = await sharp(Buffer.from(rendition)).keepIccProfile().raw().toBuffer();
    expect(Math.abs(stored[0]! - 60)).toBeLessThan(8);
  });

  it('cuts an IPTC caption longer than 2000 bytes between letters, keeps it whole in XMP, and says so', async () => {
    const sentence = 'Đại biểu phát biểu tại hội nghị giao ban quý III của thị xã Cửa Lò, tỉnh Nghệ An. ';
    const caption = `Toàn cảnh: ${sentence.repeat(30)}`.trim();
    expect(Buffer.byteLength(caption)).toBeGreaterThan(2000);
    expect(bytesCutSplitsALetter(caption, 2000)).toBe(true);
    const rendition = await photos.writePortalRendition(await cameraOriginal('long.jpg'), { ...FIELDS, caption });
    expect(rendition.truncatedInIptc).toEqual(['caption']);
    const tags = await readBack(rendition.bytes);
    const iptc = tags['IPTC:Caption-Abstract'] as string;
    expect(Buffer.byteLength(iptc)).toBeLessThanOrEqual(IPTC_MAX_BYTES.caption);
    expect(Buffer.byteLength(iptc)).toBeGreaterThan(IPTC_MAX_BYTES.caption - 4);
    expect(iptc).not.toContain('\uFFFD');
    expect(caption.startsWith(iptc)).toBe(true);
    expect(tags['XMP-dc:Description']).toBe(caption);
    expect(tags).not.toHaveProperty('ExifTool:Warning');
    // Our reader prefers the whole XMP copy.
    expect((await photos.readPhotoMetadata(rendition.bytes)).caption).toBe(caption);
  });

  it('cuts a credit and a keyword past their IPTC lengths (32, 64 bytes) between letters', async () => {
    const credit = 'Trung tâm Truyền thông Nghệ An';
    const keyword = 'Hội nghị tổng kết công tác phòng chống thiên tai – tìm kiếm cứu nạn';
    expect(bytesCutSplitsALetter(credit, 32) && bytesCutSplitsALetter(keyword, 64)).toBe(true);
    const rendition = await photos.writePortalRendition(await cameraOriginal('credit.jpg'), { ...FIELDS, credit, keywords: [keyword, 'Cửa Lò'] });
    expect(rendition.truncatedInIptc.sort()).toEqual(['credit', 'keywords']);
    const tags = await readBack(rendition.bytes);
    const iptcCredit = tags['IPTC:Credit'] as string;
    expect(Buffer.byteLength(iptcCredit)).toBeLessThanOrEqual(32);
    expect(credit.startsWith(iptcCredit)).toBe(true);
    expect(iptcCredit).not.toContain('\uFFFD');
    expect(tags['XMP-photoshop:Credit']).toBe(credit);
    const [iptcKeyword] = tags['IPTC:Keywords'] as string[];
    expect(Buffer.byteLength(iptcKeyword!)).toBeLessThanOrEqual(64);
    expect(keyword.startsWith(iptcKeyword!)).toBe(true);
    expect(iptcKeyword).not.toContain('\uFFFD');
    expect(tags['XMP-dc:Subject']).toEqual([keyword, 'Cửa Lò']);
  });

  it('writes a time of unknown zone to XMP only (IPTC would get this machine\'s offset)', async () => {
    const tags = await readBack((await photos.writePortalRendition(await halvesJpeg(400, 200), { ...FIELDS, dateTaken: '2024-09-30T08:15:00' })).bytes);
    expect(tags['IPTC:DateCreated']).toBe('2024:09:30');
    expect(tags).not.toHaveProperty('IPTC:TimeCreated');
    expect(tags['XMP-photoshop:DateCreated']).toBe('2024:09:30 08:15:00');
  });

  it('writes NFC whatever it is given, and leaves out empty fields', async () => {
    const nfd = {
      ...FIELDS,
      caption: ` ${VIETNAMESE_CAPTION.caption.normalize('NFD')} `,
      headline: '',
      keywords: [],
      dateTaken: null,
    };
    const tags = await readBack((await photos.writePortalRendition(await halvesJpeg(400, 200), nfd)).bytes);
    expect(tags['IPTC:Caption-Abstract']).toBe(VIETNAMESE_CAPTION.caption);
    expect(tags['XMP-dc:Description']).toBe(VIETNAMESE_CAPTION.caption);
    expect(tags).not.toHaveProperty('IPTC:Headline');
    expect(tags).not.toHaveProperty('IPTC:Keywords');
    expect(tags).not.toHaveProperty('IPTC:DateCreated');
  });

  it('refuses bytes that are no image (MEDIA_INVALID) and fields of the wrong shape (VALIDATION)', async () => {
    await expect(photos.writePortalRendition(new TextEncoder().encode('không phải ảnh'), FIELDS)).rejects.toMatchObject({ code: 'MEDIA_INVALID' });
    const bad = { ...FIELDS, dateTaken: '30/9/2024' };
    await expect(photos.writePortalRendition(await halvesJpeg(400, 200), bad)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
