// Real files for the photo desk's import tests, made at test time with sharp and Debian's exiftool.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { debianWrite, halvesJpeg } from './debianExiftool';
import { iptcArgs } from './vietnameseCaption';

export async function writeJpeg(dir: string, name: string, width = 400, height = 200): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, await halvesJpeg(width, height));
  return file;
}

/** A JPEG with the Vietnamese caption in IPTC (UTF-8, with its 1:90 record), as a newsroom's tool writes it. */
export async function vietnameseIptcJpeg(dir: string, name: string): Promise<string> {
  const file = await writeJpeg(dir, name, 600, 400);
  await debianWrite(file, ['-charset', 'iptc=utf8', '-IPTC:CodedCharacterSet=UTF8', ...iptcArgs()]);
  return file;
}

/** A JPEG whose caption is the camera's file name, as the old portal's photos went out. */
export async function cameraNameCaptionJpeg(dir: string, name: string): Promise<string> {
  const file = await writeJpeg(dir, name, 500, 300);
  await debianWrite(file, ['-XMP-dc:Description=IMG_4426', '-IPTC:Caption-Abstract=IMG_4426']);
  return file;
}

/** Stored 400 × 200 (red left half), EXIF orientation 6: shown 200 × 400, red on top. */
export async function rotatedJpeg(dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, await sharp(await halvesJpeg(400, 200)).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer());
  return file;
}

/** A 600 × 400 JPEG with a 150 × 100 green EXIF thumbnail (IFD1), as cameras embed one. */
export async function jpegWithPreview(dir: string, name: string): Promise<{ file: string; preview: Buffer }> {
  const file = await writeJpeg(dir, name, 600, 400);
  const preview = await sharp({ create: { width: 150, height: 100, channels: 3, background: { r: 10, g: 200, b: 10 } } }).jpeg().toBuffer();
  // Hidden, so that importing the folder does not import the preview too.
  const previewFile = join(dir, `.${name}.preview.jpg`);
  await writeFile(previewFile, preview);
  await debianWrite(file, [`-ThumbnailImage<=${previewFile}`]);
  return { file, preview };
}

export async function truncatedJpeg(dir: string, name: string): Promise<string> {
  const bytes = await halvesJpeg(800, 600);
  const file = join(dir, name);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return file;
}

/** A PNG of a few hundred bytes whose header declares 30,000 × 30,000 pixels. */
export async function bombPng(dir: string, name: string): Promise<string> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const { deflateSync } = await import('node:zlib');
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(100))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const file = join(dir, name);
  await writeFile(file, png);
  return file;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export async function writeFormat(dir: string, name: string, format: 'png' | 'webp' | 'tiff' | 'avif', width = 300, height = 200): Promise<string> {
  const file = join(dir, name);
  const image = sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });
  await writeFile(file, await (format === 'avif' ? image.heif({ compression: 'av1' }) : image[format]()).toBuffer());
  return file;
}
