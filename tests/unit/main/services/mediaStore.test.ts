import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_MAX_PX, MediaStore, THUMB_MAX_PX } from '../../../../src/main/services/media/MediaStore';
import { NewsdeskError } from '../../../../src/shared/errors';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-media-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  return image[format]().toBuffer();
}

async function refused(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NewsdeskError);
    return (error as NewsdeskError).code;
  }
  throw new Error('expected a refusal');
}

describe('MediaStore', () => {
  it('stores the original, a display rendition and a thumb within their sizes', async () => {
    const media = await MediaStore.open(dataDir);
    const bytes = await photo(2400, 1200);
    const asset = await media.import({ name: 'Cửa Lò.jpg'.normalize('NFD'), bytes });
    expect(asset).toMatchObject({ mime: 'image/jpeg', width: 2400, height: 1200, bytes: bytes.length, name: 'Cửa Lò.jpg' });
    expect(readdirSync(join(dataDir, 'media', asset.assetId)).sort()).toEqual([
      'display.webp',
      'meta.json',
      'original.jpg',
      'thumb.webp',
    ]);
    const original = await media.get(asset.assetId, 'original');
    expect(original.mime).toBe('image/jpeg');
    expect(Buffer.compare(original.bytes, bytes)).toBe(0);
    const display = await sharp((await media.get(asset.assetId, 'display')).bytes).metadata();
    expect([display.format, display.width, display.height]).toEqual(['webp', DISPLAY_MAX_PX, DISPLAY_MAX_PX / 2]);
    const thumb = await sharp((await media.get(asset.assetId, 'thumb')).bytes).metadata();
    expect(thumb.width).toBe(THUMB_MAX_PX);
  });

  it('never enlarges a small photo and keeps PNG as PNG', async () => {
    const media = await MediaStore.open(dataDir);
    const asset = await media.import({ name: 'nho.png', bytes: await photo(120, 80, 'png') });
    expect(asset.mime).toBe('image/png');
    const display = await sharp((await media.get(asset.assetId, 'display')).bytes).metadata();
    expect([display.width, display.height]).toEqual([120, 80]);
  });

  it('gives the same asset for the same bytes, a new one for different bytes', async () => {
    const media = await MediaStore.open(dataDir);
    const first = await media.import({ name: 'a.jpg', bytes: await photo(64, 64) });
    const again = await media.import({ name: 'a-copy.jpg', bytes: await photo(64, 64) });
    const other = await media.import({ name: 'b.jpg', bytes: await photo(65, 64) });
    expect(again).toEqual(first);
    expect(other.assetId).not.toBe(first.assetId);
    expect(readdirSync(join(dataDir, 'media'))).toHaveLength(2);
  });

  it('refuses a corrupt file, a truncated JPEG, a non-image and an empty file, storing nothing', async () => {
    const media = await MediaStore.open(dataDir);
    const jpeg = await photo(400, 300);
    expect(await refused(media.import({ name: 'x.jpg', bytes: Buffer.from('not an image at all') }))).toBe('MEDIA_INVALID');
    expect(await refused(media.import({ name: 'cut.jpg', bytes: jpeg.subarray(0, jpeg.length / 2) }))).toBe('MEDIA_INVALID');
    expect(await refused(media.import({ name: 'a.svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>') }))).toBe('MEDIA_INVALID');
    expect(await refused(media.import({ name: 'empty.jpg', bytes: new Uint8Array() }))).toBe('MEDIA_INVALID');
    expect(readdirSync(join(dataDir, 'media'))).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown asset', async () => {
    const media = await MediaStore.open(dataDir);
    expect(await refused(media.get('0'.repeat(32), 'display'))).toBe('NOT_FOUND');
  });
});
