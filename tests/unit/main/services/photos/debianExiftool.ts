// Debian's exiftool (libimage-exiftool-perl) as the independent writer and reader of the photo
// tests: a different ExifTool release, with its own Perl library, run by absolute path (the
// node_modules/.bin on vitest's PATH has exiftool-vendored's copy under the same name).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);
export const DEBIAN_EXIFTOOL = '/usr/bin/exiftool';

export function debianExiftoolMissing(): string | null {
  return existsSync(DEBIAN_EXIFTOOL) ? null : `${DEBIAN_EXIFTOOL} is missing (apt-get install libimage-exiftool-perl)`;
}

export async function debianExiftoolVersion(): Promise<string> {
  return (await run(DEBIAN_EXIFTOOL, ['-ver'])).stdout.trim();
}

/** Writes tags into `file` in place: `args` are exiftool arguments such as `-IPTC:City=Vinh`. */
export async function debianWrite(file: string, args: string[]): Promise<void> {
  // No -m: a warning a test did not expect (a value cut, a tag refused) fails the fixture.
  const { stderr } = await run(DEBIAN_EXIFTOOL, ['-q', '-q', '-overwrite_original', ...args, file]);
  if (stderr.trim()) throw new Error(`exiftool: ${stderr}`);
}

/** All tags by family-1 group, IPTC read as UTF-8 (what WordPress's seems_utf8 would accept). */
export async function debianRead(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(DEBIAN_EXIFTOOL, ['-j', '-G1', '-a', '-charset', 'iptc=utf8', file], { maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as Record<string, unknown>[])[0]!;
}

/**
 * A plain JPEG (left half red, right half blue, so a turn can be seen in the pixels), written to
 * `dir/name`; its path.
 */
export async function plainJpeg(dir: string, name: string, width = 400, height = 200): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, await halvesJpeg(width, height));
  return file;
}

export async function halvesJpeg(width: number, height: number): Promise<Buffer> {
  const half = Math.floor(width / 2);
  const red = await sharp({ create: { width: half, height, channels: 3, background: { r: 220, g: 20, b: 20 } } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 20, b: 220 } } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
}
