import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotoMetadataService } from '../../../../../src/main/services/photos/PhotoMetadataService';
import { NewsdeskError } from '../../../../../src/shared/errors';
import { photoMetadataSchema } from '../../../../../src/shared/model/PhotoMetadata';
import { DEBIAN_EXIFTOOL, debianExiftoolMissing, debianExiftoolVersion, debianRead, debianWrite, plainJpeg } from './debianExiftool';
import { iptcArgs, VIETNAMESE_CAPTION, xmpArgs } from './vietnameseCaption';

// IPTC dataset 1:90 CodedCharacterSet = ESC % G: 1C 01 5A, length 00 03, 1B 25 47.
const UTF8_MARKER = Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]);
const { dateTaken: _date, ...CAPTION_TEXT } = VIETNAMESE_CAPTION;

let dir: string;
let photos: PhotoMetadataService;
const skip = debianExiftoolMissing();

describe.skipIf(skip !== null)('PhotoMetadataService.readPhotoMetadata (files written by Debian exiftool)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-photometa-'));
    photos = new PhotoMetadataService();
  });
  afterAll(async () => {
    await photos?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes its fixtures with an ExifTool other than the one it tests', async () => {
    expect(await debianExiftoolVersion()).not.toBe('13.59');
  });

  it('reads Vietnamese IPTC that carries CodedCharacterSet ESC % G', async () => {
    const file = await plainJpeg(dir, 'iptc-marked.jpg');
    await debianWrite(file, ['-charset', 'iptc=utf8', '-IPTC:CodedCharacterSet=UTF8', ...iptcArgs()]);
    expect(readFileSync(file).includes(UTF8_MARKER)).toBe(true);
    const metadata = await photos.readPhotoMetadata(file);
    expect(metadata).toEqual({ ...VIETNAMESE_CAPTION, width: 400, height: 200, orientation: 1, gps: { present: false, position: null } });
    expect(photoMetadataSchema.parse(metadata)).toEqual(metadata);
  });

  it('reads Vietnamese IPTC written as UTF-8 without the charset record (ExifTool alone would take it for Latin-1)', async () => {
    const file = await plainJpeg(dir, 'iptc-bare.jpg');
    await debianWrite(file, ['-charset', 'iptc=utf8', ...iptcArgs()]);
    expect(readFileSync(file).includes(Buffer.from([0x1c, 0x01, 0x5a]))).toBe(false);
    // The trap, shown by the independent reader with its defaults: Latin-1, garbled.
    const garbled = execFileSync(DEBIAN_EXIFTOOL, ['-s3', '-IPTC:Caption-Abstract', file], { encoding: 'utf8' });
    expect(garbled.trim()).not.toBe(VIETNAMESE_CAPTION.caption);
    expect(await photos.readPhotoMetadata(file)).toMatchObject(VIETNAMESE_CAPTION);
  });

  it('reads IPTC that is not valid UTF-8 as Windows Latin-1', async () => {
    const file = await plainJpeg(dir, 'iptc-latin.jpg');
    // Latin-1 cannot hold most Vietnamese: a caption it can, with the dash only cp1252 has (0x96).
    await debianWrite(file, ['-charset', 'iptc=latin', '-IPTC:Caption-Abstract=Phú Yên – Cà Mau', '-IPTC:Keywords=Tây Ninh', '-IPTC:Keywords=Cà Mau']);
    expect(readFileSync(file).includes(Buffer.from('Ph\xfa Y\xean \x96 C\xe0 Mau', 'latin1'))).toBe(true);
    const metadata = await photos.readPhotoMetadata(file);
    expect(metadata.caption).toBe('Phú Yên – Cà Mau');
    expect(metadata.keywords).toEqual(['Tây Ninh', 'Cà Mau']);
  });

  it('reads Vietnamese from XMP only', async () => {
    const file = await plainJpeg(dir, 'xmp-only.jpg');
    await debianWrite(file, xmpArgs());
    const tags = await debianRead(file);
    expect(Object.keys(tags).some((key) => key.startsWith('IPTC:'))).toBe(false);
    expect(await photos.readPhotoMetadata(file)).toMatchObject(VIETNAMESE_CAPTION);
  });

  it('reads Vietnamese from EXIF only (description, artist, copyright, the camera date with its offset)', async () => {
    const file = await plainJpeg(dir, 'exif-only.jpg');
    await debianWrite(file, [
      `-EXIF:ImageDescription=${VIETNAMESE_CAPTION.caption}`,
      `-EXIF:Artist=${VIETNAMESE_CAPTION.byline}`,
      `-EXIF:Copyright=${VIETNAMESE_CAPTION.copyright}`,
      '-EXIF:DateTimeOriginal=2024:09:30 08:15:00',
      '-EXIF:OffsetTimeOriginal=+07:00',
    ]);
    const metadata = await photos.readPhotoMetadata(file);
    expect(metadata).toMatchObject({
      caption: VIETNAMESE_CAPTION.caption,
      byline: VIETNAMESE_CAPTION.byline,
      copyright: VIETNAMESE_CAPTION.copyright,
      dateTaken: '2024-09-30T08:15:00+07:00',
      headline: '',
      keywords: [],
    });
  });

  it('prefers XMP to IPTC to EXIF, but IPTC when its digest says it was edited after the XMP', async () => {
    const file = await plainJpeg(dir, 'precedence.jpg');
    await debianWrite(file, [
      '-charset',
      'iptc=utf8',
      '-IPTC:CodedCharacterSet=UTF8',
      '-EXIF:ImageDescription=SONY DSC',
      '-IPTC:Caption-Abstract=Chú thích cũ trong IPTC',
      '-XMP-dc:Description=Chú thích mới trong XMP',
      '-IPTC:Credit=Chỉ có trong IPTC',
      '-EXIF:Copyright=Chỉ có trong EXIF',
    ]);
    expect(await photos.readPhotoMetadata(file)).toMatchObject({
      caption: 'Chú thích mới trong XMP',
      credit: 'Chỉ có trong IPTC',
      copyright: 'Chỉ có trong EXIF',
    });
    // A digest that no longer matches the IPTC: an IPTC-only tool changed the caption last.
    await debianWrite(file, ['-Photoshop:IPTCDigest=00112233445566778899aabbccddeeff']);
    expect((await photos.readPhotoMetadata(file)).caption).toBe('Chú thích cũ trong IPTC');
    // A matching digest: IPTC and XMP were written together, XMP wins again.
    await debianWrite(file, ['-Photoshop:IPTCDigest=new']);
    expect((await photos.readPhotoMetadata(file)).caption).toBe('Chú thích mới trong XMP');
  });

  it('gives NFC text for a caption written decomposed (NFD), trimmed', async () => {
    const file = await plainJpeg(dir, 'nfd.jpg');
    await debianWrite(file, [`-XMP-dc:Description=  ${VIETNAMESE_CAPTION.caption.normalize('NFD')} `, `-XMP-dc:Creator=${'Nguyễn Văn Hùng'.normalize('NFD')}`]);
    const metadata = await photos.readPhotoMetadata(file);
    expect(metadata.caption).toBe(VIETNAMESE_CAPTION.caption);
    expect(metadata.byline).toBe('Nguyễn Văn Hùng');
  });

  it('keeps numbers that look like numbers as the text they are', async () => {
    const file = await plainJpeg(dir, 'numbers.jpg');
    await debianWrite(file, ['-XMP-dc:Description=1.200', '-XMP-dc:Subject=2024', '-XMP-dc:Subject=0.50']);
    const metadata = await photos.readPhotoMetadata(file);
    expect(metadata.caption).toBe('1.200');
    expect(metadata.keywords).toEqual(['2024', '0.50']);
  });

  it('joins several creators with "; "', async () => {
    const file = await plainJpeg(dir, 'creators.jpg');
    await debianWrite(file, ['-XMP-dc:Creator=Nguyễn Văn Hùng', '-XMP-dc:Creator=Lê Thị Lan']);
    expect((await photos.readPhotoMetadata(file)).byline).toBe('Nguyễn Văn Hùng; Lê Thị Lan');
  });

  it('gives the size as shown: 400×200 stored with Orientation 6 is 200×400', async () => {
    const file = await plainJpeg(dir, 'turned.jpg');
    await debianWrite(file, ['-IFD0:Orientation#=6']);
    expect(await photos.readPhotoMetadata(file)).toMatchObject({ width: 200, height: 400, orientation: 6 });
  });

  it('says whether GPS is present and gives the position signed (south, west negative)', async () => {
    const file = await plainJpeg(dir, 'gps.jpg');
    await debianWrite(file, ['-GPSLatitude=18.7955', '-GPSLatitudeRef=S', '-GPSLongitude=105.7245', '-GPSLongitudeRef=W']);
    const { gps } = await photos.readPhotoMetadata(file);
    expect(gps.present).toBe(true);
    expect(gps.position?.latitude).toBeCloseTo(-18.7955, 4);
    expect(gps.position?.longitude).toBeCloseTo(-105.7245, 4);

    const altitudeOnly = await plainJpeg(dir, 'gps-altitude.jpg');
    await debianWrite(altitudeOnly, ['-GPSAltitude=12', '-GPSAltitudeRef=0']);
    expect((await photos.readPhotoMetadata(altitudeOnly)).gps).toEqual({ present: true, position: null });

    const xmpPosition = await plainJpeg(dir, 'gps-xmp.jpg');
    await debianWrite(xmpPosition, ['-XMP-exif:GPSLatitude=18.7955 S', '-XMP-exif:GPSLongitude=105.7245 E']);
    const fromXmp = (await photos.readPhotoMetadata(xmpPosition)).gps;
    expect(fromXmp.present).toBe(true);
    expect(fromXmp.position?.latitude).toBeCloseTo(-18.7955, 4);
    expect(fromXmp.position?.longitude).toBeCloseTo(105.7245, 4);
  });

  it('gives dates without an offset as local time, and IPTC dates without a time as a date', async () => {
    const local = await plainJpeg(dir, 'date-local.jpg');
    await debianWrite(local, ['-EXIF:DateTimeOriginal=2024:09:30 08:15:00']);
    expect((await photos.readPhotoMetadata(local)).dateTaken).toBe('2024-09-30T08:15:00');

    const dateOnly = await plainJpeg(dir, 'date-only.jpg');
    await debianWrite(dateOnly, ['-IPTC:DateCreated=2024:09:30']);
    expect((await photos.readPhotoMetadata(dateOnly)).dateTaken).toBe('2024-09-30');

    const unset = await plainJpeg(dir, 'date-unset.jpg');
    // `#`: the raw value, past the check that refuses month 00 (cameras are not so careful).
    await debianWrite(unset, ['-EXIF:DateTimeOriginal#=0000:00:00 00:00:00']);
    expect((await photos.readPhotoMetadata(unset)).dateTaken).toBeNull();
  });

  it('reads the same from bytes as from a path, and from a path with Vietnamese in its name', async () => {
    const file = await plainJpeg(dir, 'Ảnh hội nghị Cửa Lò.jpg');
    await debianWrite(file, ['-charset', 'iptc=utf8', '-IPTC:CodedCharacterSet=UTF8', ...iptcArgs()]);
    const fromPath = await photos.readPhotoMetadata(file);
    expect(fromPath).toMatchObject(CAPTION_TEXT);
    expect(await photos.readPhotoMetadata(readFileSync(file))).toEqual(fromPath);
  });

  it('refuses what is not an image with MEDIA_INVALID, a missing file with NOT_FOUND', async () => {
    const text = join(dir, 'not-a-photo.jpg');
    await writeFile(text, 'Đây không phải là ảnh');
    await expect(photos.readPhotoMetadata(text)).rejects.toMatchObject({ code: 'MEDIA_INVALID' });
    await expect(photos.readPhotoMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01]))).rejects.toBeInstanceOf(NewsdeskError);
    await expect(photos.readPhotoMetadata(join(dir, 'missing.jpg'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
