// The photo desk's import pipeline with real sharp, the real ExifTool and real files on disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DISPLAY_MAX_PX } from '../../../../../src/main/services/photos/renderPhoto';
import { PhotoDesk } from '../../../../../src/main/services/photos/PhotoDesk';
import { lintCaption } from '../../../../../src/shared/captionLint/lintCaption';
import type { PhotoImportOutcome, PhotoImportProgress } from '../../../../../src/shared/model/Photo';
import { useTempDataDir } from '../store/tempDataDir';
import { debianExiftoolMissing } from './debianExiftool';
import {
  bombPng,
  cameraNameCaptionJpeg,
  jpegWithPreview,
  rotatedJpeg,
  truncatedJpeg,
  vietnameseIptcJpeg,
  writeFormat,
  writeJpeg,
} from './photoFixtures';
import { VIETNAMESE_CAPTION } from './vietnameseCaption';

const newDir = useTempDataDir();
const desks: PhotoDesk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.close()));
});

async function setUp(): Promise<{ desk: PhotoDesk; dataDir: string; card: string }> {
  const root = await newDir();
  const dataDir = join(root, 'data');
  const card = join(root, 'card');
  await mkdir(card, { recursive: true });
  const desk = await PhotoDesk.open(dataDir);
  desks.push(desk);
  return { desk, dataDir, card };
}

const kinds = (outcomes: PhotoImportOutcome[]) => outcomes.map((o) => (o.kind === 'refused' ? `${o.name}: ${o.code}/${o.reason}` : `${o.name}: ${o.kind}`));
const photoOf = (outcome: PhotoImportOutcome | undefined) => {
  if (!outcome || outcome.kind === 'refused') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return outcome.photo;
};

const skip = debianExiftoolMissing();
if (skip) console.warn(`[photoDesk.test] skipped: ${skip}`);

describe.skipIf(skip !== null)('PhotoDesk import', () => {
  it('imports a card: Vietnamese IPTC prefilled, original kept byte for byte, renditions on disk', async () => {
    const { desk, dataDir, card } = await setUp();
    const file = await vietnameseIptcJpeg(card, 'DSC_0001.JPG');
    const result = await desk.importPaths('b1', [card]);
    expect(kinds(result.outcomes)).toEqual(['DSC_0001.JPG: imported']);
    const photo = photoOf(result.outcomes[0]);
    expect(photo.fields).toEqual({
      ...VIETNAMESE_CAPTION,
      alt: '',
      // The credit line printed under the photo comes from IPTC Credit.
      credit: VIETNAMESE_CAPTION.credit,
    });
    expect(photo).toMatchObject({ width: 600, height: 400, mime: 'image/jpeg', rev: 0, hasGps: false });
    const folder = join(dataDir, 'photos', photo.id);
    expect(readdirSync(folder).sort()).toEqual(['display.jpg', 'original.jpg', 'photo.json', 'thumb.jpg']);
    expect(readFileSync(join(folder, 'original.jpg')).equals(readFileSync(file))).toBe(true);
    expect(photo.sha256.startsWith(photo.id)).toBe(true);
    expect(await desk.list()).toEqual([photo]);
  });

  it('re-importing the same card adds nothing, and one batch holding a file twice adds it once', async () => {
    const { desk, dataDir, card } = await setUp();
    await writeJpeg(card, 'a.jpg', 300, 200);
    await writeJpeg(card, 'b.jpg', 320, 200);
    const first = await desk.importPaths('b1', [card]);
    expect(kinds(first.outcomes)).toEqual(['a.jpg: imported', 'b.jpg: imported']);
    const again = await desk.importPaths('b2', [card, join(card, 'a.jpg')]);
    expect(kinds(again.outcomes)).toEqual(['a.jpg: duplicate', 'b.jpg: duplicate', 'a.jpg: duplicate']);
    expect(await desk.list()).toHaveLength(2);
    expect(readdirSync(join(dataDir, 'photos')).filter((entry) => !entry.startsWith('.'))).toHaveLength(2);
  });

  it('a camera-name caption is kept as the file says, and the shared caption lint flags it', async () => {
    const { desk, card } = await setUp();
    await cameraNameCaptionJpeg(card, 'IMG_4426.JPG');
    const photo = photoOf((await desk.importPaths('b', [card])).outcomes[0]);
    expect(photo.fields.caption).toBe('IMG_4426');
    expect(lintCaption(photo.fields).map((issue) => issue.code)).toContain('CAPTION_FILENAME');
  });

  it('applies the EXIF orientation to the size and to both renditions', async () => {
    const { desk, card } = await setUp();
    await rotatedJpeg(card, 'turned.jpg');
    const photo = photoOf((await desk.importPaths('b', [card])).outcomes[0]);
    expect([photo.width, photo.height]).toEqual([200, 400]);
    for (const rendition of ['display', 'thumb'] as const) {
      const { bytes } = await desk.rendition(photo.id, rendition);
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      expect(info.height).toBeGreaterThan(info.width);
      // Turned 90° clockwise, the stored left (red) half is now on top.
      const top = data[(Math.floor(info.height / 4) * info.width + Math.floor(info.width / 2)) * info.channels]!;
      const bottom = data[(Math.floor((info.height * 3) / 4) * info.width + Math.floor(info.width / 2)) * info.channels]!;
      expect(top).toBeGreaterThan(150);
      expect(bottom).toBeLessThan(80);
    }
  });

  it('takes the grid thumbnail from the embedded EXIF preview, and decodes when there is none', async () => {
    const { desk, card } = await setUp();
    const { preview } = await jpegWithPreview(card, 'with-preview.jpg');
    await writeJpeg(card, 'without.jpg', 600, 400);
    const [withPreview, without] = (await desk.importPaths('b', [card])).outcomes.map(photoOf);
    expect(withPreview!.thumbFrom).toBe('preview');
    expect((await desk.rendition(withPreview!.id, 'thumb')).bytes.equals(preview)).toBe(true);
    expect(without!.thumbFrom).toBe('decode');
    expect(await sharp((await desk.rendition(without!.id, 'thumb')).bytes).metadata()).toMatchObject({ width: 320, height: 213 });
  });

  it('makes a display rendition of at most 2048 px on the long edge, in sRGB, from CMYK too', async () => {
    const { desk, card } = await setUp();
    await writeJpeg(card, 'big.jpg', 3000, 2000);
    const cmyk = join(card, 'cmyk.jpg');
    await writeFile(cmyk, await sharp({ create: { width: 500, height: 400, channels: 3, background: '#c03020' } }).toColourspace('cmyk').jpeg().toBuffer());
    const [big, print] = (await desk.importPaths('b', [card])).outcomes.map(photoOf);
    const display = await sharp((await desk.rendition(big!.id, 'display')).bytes).metadata();
    expect([display.width, display.height]).toEqual([DISPLAY_MAX_PX, 1365]);
    expect(display.space).toBe('srgb');
    expect((await sharp((await desk.rendition(print!.id, 'display')).bytes).metadata()).space).toBe('srgb');
    expect(print!.mime).toBe('image/jpeg');
  });

  it('imports PNG, WebP, TIFF and AVIF (HEIF with AV1); this libvips has no HEVC, so HEIC is not among them', async () => {
    expect(sharp.format.heif.input.fileSuffix).toEqual(['.avif']);
    const { desk, card } = await setUp();
    await writeFormat(card, 'a.png', 'png');
    await writeFormat(card, 'b.webp', 'webp');
    await writeFormat(card, 'c.tif', 'tiff');
    await writeFormat(card, 'd.avif', 'avif');
    const photos = (await desk.importPaths('b', [card])).outcomes.map(photoOf);
    expect(photos.map((photo) => [photo.mime, photo.ext])).toEqual([
      ['image/png', 'png'],
      ['image/webp', 'webp'],
      ['image/tiff', 'tif'],
      ['image/avif', 'avif'],
    ]);
  });

  it('refuses bad files with a code and a reason, and the batch goes on past them', async () => {
    const { desk, dataDir, card } = await setUp();
    await writeJpeg(card, '01-good.jpg');
    await truncatedJpeg(card, '02-cut.jpg');
    await writeFile(join(card, '03-empty.jpg'), '');
    await writeFile(join(card, '04-text.jpg'), 'đây không phải là ảnh');
    await bombPng(card, '05-bomb.png');
    await writeFile(join(card, '06-drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await writeJpeg(card, '07-good.jpg', 500, 300);
    const result = await desk.importPaths('b', [card, join(card, '06-drawing.svg'), join(card, 'gone.jpg')]);
    expect(kinds(result.outcomes)).toEqual([
      '01-good.jpg: imported',
      '02-cut.jpg: MEDIA_INVALID/decode',
      '03-empty.jpg: MEDIA_INVALID/empty',
      '04-text.jpg: MEDIA_INVALID/decode',
      '05-bomb.png: MEDIA_INVALID/too-many-pixels',
      '07-good.jpg: imported',
      '06-drawing.svg: MEDIA_INVALID/unsupported',
      'gone.jpg: MEDIA_INVALID/vanished',
    ]);
    expect(await desk.list()).toHaveLength(2);
    // Nothing of a refused file is left in the library.
    expect(readdirSync(join(dataDir, 'photos')).filter((entry) => !entry.startsWith('.'))).toHaveLength(2);
  });

  it('reports progress per file and stops at a cancel, keeping what was imported', async () => {
    const { desk, card } = await setUp();
    for (const n of [1, 2, 3, 4]) await writeJpeg(card, `p${n}.jpg`, 300 + n, 200);
    const seen: PhotoImportProgress[] = [];
    desk.progress.on((progress) => {
      seen.push(progress);
      if (progress.done === 2 && progress.current) desk.cancel('b-cancel');
    });
    const result = await desk.importPaths('b-cancel', [card]);
    expect(result.cancelled).toBe(true);
    expect(kinds(result.outcomes)).toEqual(['p1.jpg: imported', 'p2.jpg: imported', 'p3.jpg: imported']);
    expect(seen.map((p) => [p.done, p.total, p.current])).toEqual([
      [0, 4, 'p1.jpg'],
      [1, 4, 'p2.jpg'],
      [2, 4, 'p3.jpg'],
      [3, 4, null],
    ]);
    expect(desk.cancel('b-cancel')).toBe(false);
  });

  it('imports streamed bytes (the web upload) through a temp file it removes', async () => {
    const { desk, dataDir, card } = await setUp();
    const bytes = readFileSync(await vietnameseIptcJpeg(card, 'x.jpg'));
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
    }
    const outcome = await desk.importUpload('Ảnh hội nghị.jpg'.normalize('NFD'), chunks());
    expect(outcome).toMatchObject({ kind: 'imported', name: 'Ảnh hội nghị.jpg', photo: { fields: { caption: VIETNAMESE_CAPTION.caption } } });
    expect((await desk.importUpload('again.jpg', chunks())).kind).toBe('duplicate');
    expect(readdirSync(join(dataDir, 'photos', '.incoming'))).toEqual([]);
  });

  it('keeps photos and edits across a restart; an import cut short before its record is swept', async () => {
    const { desk, dataDir, card } = await setUp();
    await writeJpeg(card, 'a.jpg');
    const photo = photoOf((await desk.importPaths('b', [card])).outcomes[0]);
    const edited = await desk.update(photo.id, 0, { caption: 'Người dân Cửa Lò dọn vệ sinh bãi biển sáng chủ nhật', alt: 'Nhiều người cầm chổi trên bãi cát' });
    expect(edited.rev).toBe(1);
    await expect(desk.update(photo.id, 0, { caption: 'cũ' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const unfinished = join(dataDir, 'photos', 'f'.repeat(32));
    await mkdir(unfinished);
    await writeFile(join(unfinished, 'original.jpg'), 'half');
    await desk.close();
    desks.splice(desks.indexOf(desk), 1);

    const reopened = await PhotoDesk.open(dataDir);
    desks.push(reopened);
    expect(await reopened.list()).toEqual([edited]);
    expect(existsSync(unfinished)).toBe(false);
  });

  it('applies several photos at once or none of them', async () => {
    const { desk, card } = await setUp();
    await writeJpeg(card, 'a.jpg', 300, 200);
    await writeJpeg(card, 'b.jpg', 310, 200);
    const [a, b] = (await desk.importPaths('b', [card])).outcomes.map(photoOf);
    await expect(desk.updateMany([{ id: a!.id, fields: { credit: 'X' } }, { id: 'e'.repeat(32), fields: { credit: 'X' } }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await desk.list()).map((photo) => photo.fields.credit)).toEqual(['', '']);
    const changed = await desk.updateMany([a!, b!].map((photo) => ({ id: photo.id, baseRev: photo.rev, fields: { credit: 'Ảnh: Minh Châu' } })));
    expect(changed.map((photo) => [photo.fields.credit, photo.rev])).toEqual([
      ['Ảnh: Minh Châu', 1],
      ['Ảnh: Minh Châu', 1],
    ]);
  });

  it('refuses the dialog import where the host has no dialog (the web edition)', async () => {
    const { desk } = await setUp();
    await expect(desk.importFromDialog('b', 'files')).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'no-file-dialog' } });
  });
});

describe('PhotoDesk with a dialog', () => {
  it('imports what the host dialog picked', async () => {
    const root = await newDir();
    const card = join(root, 'card');
    await mkdir(card);
    await writeJpeg(card, 'a.jpg');
    const picked: string[] = [];
    const desk = await PhotoDesk.open(join(root, 'data'), {
      pickPaths: async (kind) => {
        picked.push(kind);
        return [card];
      },
    });
    desks.push(desk);
    const result = await desk.importFromDialog('b', 'folders');
    expect(picked).toEqual(['folders']);
    expect(kinds(result.outcomes)).toEqual(['a.jpg: imported']);
    await rm(card, { recursive: true });
  });
});
