import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { NewsdeskError } from '../../../shared/errors';
import { mediaAssetSchema, MEDIA_MAX_BYTES, type MediaAsset, type Rendition } from '../../../shared/model/MediaAsset';
import { normalizeText } from '../../../shared/text/normalizeText';
import { toStorageError, writeFileDurable } from '../store/writeFileDurable';

/** Formats a newsroom photo arrives in and a browser can show; everything else is refused. */
const FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
};

/** The editor shows photos at most this wide; larger originals only cost memory there. */
export const DISPLAY_MAX_PX = 1600;
export const THUMB_MAX_PX = 320;
const META = 'meta.json';

export interface MediaImport {
  name: string;
  bytes: Uint8Array;
}

/**
 * Photos on disk: `media/<assetId>/original.<ext>`, `display.webp`, `thumb.webp`, `meta.json`.
 * The asset id is a hash of the original's bytes, so importing the same photo twice (a retry, a
 * second paste) yields the same asset instead of a copy. meta.json is written last: a folder
 * without it is an import that did not finish and is redone.
 */
export class MediaStore {
  private constructor(private readonly mediaDir: string) {}

  static async open(dataDir: string): Promise<MediaStore> {
    const mediaDir = join(dataDir, 'media');
    try {
      await mkdir(mediaDir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, mediaDir);
    }
    return new MediaStore(mediaDir);
  }

  async import({ name, bytes }: MediaImport): Promise<MediaAsset> {
    if (bytes.byteLength === 0 || bytes.byteLength > MEDIA_MAX_BYTES) {
      throw new NewsdeskError('MEDIA_INVALID', { reason: bytes.byteLength === 0 ? 'empty' : 'too-large' });
    }
    const assetId = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const existing = await this.meta(assetId).catch(() => null);
    if (existing) return existing;

    const { format, width, height, display, thumb } = await decode(bytes);
    const dir = join(this.mediaDir, assetId);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, dir);
    }
    await writeFileDurable(join(dir, `original.${format.ext}`), bytes);
    await writeFileDurable(join(dir, 'display.webp'), display);
    await writeFileDurable(join(dir, 'thumb.webp'), thumb);
    const asset: MediaAsset = {
      assetId,
      name: normalizeText(name).slice(0, 255),
      mime: format.mime,
      width,
      height,
      bytes: bytes.byteLength,
      createdAt: new Date().toISOString(),
    };
    await writeFileDurable(join(dir, META), `${JSON.stringify(asset, null, 2)}\n`);
    return asset;
  }

  async meta(assetId: string): Promise<MediaAsset> {
    let text: string;
    try {
      text = await readFile(join(this.mediaDir, assetId, META), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NewsdeskError('NOT_FOUND', { assetId });
      throw toStorageError(error, META);
    }
    const parsed = mediaAssetSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new NewsdeskError('NOT_FOUND', { assetId, reason: 'damaged' });
    return parsed.data;
  }

  async get(assetId: string, rendition: Rendition): Promise<{ mime: string; bytes: Buffer }> {
    const asset = await this.meta(assetId);
    const dir = join(this.mediaDir, assetId);
    let file: string;
    let mime = 'image/webp';
    if (rendition === 'original') {
      const original = (await readdir(dir)).find((entry) => entry.startsWith('original.'));
      if (!original) throw new NewsdeskError('NOT_FOUND', { assetId, rendition });
      file = join(dir, original);
      mime = Object.values(FORMATS).find((f) => `.${f.ext}` === extname(original))?.mime ?? asset.mime;
    } else {
      file = join(dir, `${rendition}.webp`);
    }
    try {
      return { mime, bytes: await readFile(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NewsdeskError('NOT_FOUND', { assetId, rendition });
      throw toStorageError(error, file);
    }
  }
}

// sharp (libvips) takes 130–210 ms to load: paid on the first photo, not on every host start.
let sharpModule: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

/** Decodes fully (a truncated JPEG has a valid header) and renders both renditions. */
async function decode(bytes: Uint8Array) {
  // Outside the try: a library that does not load is a broken install, not a bad photo.
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { failOn: 'error' });
    const info = await image.metadata();
    const format = info.format ? FORMATS[info.format] : undefined;
    if (!format || !info.width || !info.height) throw new Error(`unsupported ${info.format}`);
    // rotate(): apply the EXIF orientation, as every viewer does, before sizing.
    const render = (max: number, quality: number) =>
      sharp(bytes, { failOn: 'error' })
        .rotate()
        .resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true })
        .webp({ quality })
        .toBuffer();
    const [display, thumb] = [await render(DISPLAY_MAX_PX, 82), await render(THUMB_MAX_PX, 70)];
    const swapped = (info.orientation ?? 1) >= 5;
    return {
      format,
      width: swapped ? info.height : info.width,
      height: swapped ? info.width : info.height,
      display,
      thumb,
    };
  } catch (error) {
    // libvips' message stays in the log; the renderer gets the code only.
    console.warn('[newsdesk] media import refused:', error instanceof Error ? error.message : error);
    throw new NewsdeskError('MEDIA_INVALID', { reason: 'decode' });
  }
}
