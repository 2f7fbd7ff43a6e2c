import { open } from 'node:fs/promises';
import { NewsdeskError } from '../../../shared/errors';
import { PHOTO_MAX_PIXELS, type PhotoRefusalReason } from '../../../shared/model/Photo';
import { embeddedThumbnail } from './embeddedThumbnail';

/** The grid's cells are at most this wide (on a 2× screen); the embedded previews are ~160 px. */
export const THUMB_MAX_PX = 320;
/** The desk's and the editor's view of a photo; the portal rendition is made from the original. */
export const DISPLAY_MAX_PX = 2048;
const THUMB_QUALITY = 72;
const DISPLAY_QUALITY = 84;
/** EXIF lives in APP1, at most 64 KB, right after the JPEG's start. */
const EXIF_HEAD_BYTES = 70 * 1024;
/** A preview whose shape differs more than this from the photo's is padded (black bars): not used. */
const PREVIEW_ASPECT_TOLERANCE = 0.04;

/** Formats a newsroom photo arrives in (sharp's names); every other format is refused. */
const FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  tiff: { ext: 'tif', mime: 'image/tiff' },
  // HEIF as this sharp's libvips reads it: AV1 (AVIF) only; see docs/photos.md.
  heif: { ext: 'avif', mime: 'image/avif' },
};

export interface PhotoRenditions {
  ext: string;
  mime: string;
  /** As shown: EXIF orientation applied. */
  width: number;
  height: number;
  thumb: Buffer;
  thumbFrom: 'preview' | 'decode';
  display: Buffer;
}

// sharp (libvips) takes 130–210 ms to load: paid on the first photo, not on every host start.
let sharpModule: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

function refuse(reason: PhotoRefusalReason, detail?: unknown): never {
  if (detail !== undefined) console.warn('[newsdesk] photo refused:', reason, detail instanceof Error ? detail.message : detail);
  throw new NewsdeskError('MEDIA_INVALID', { reason });
}

/**
 * The grid thumbnail and the display rendition of the photo at `file`, or MEDIA_INVALID with the
 * reason. The thumbnail comes from the embedded EXIF preview when the file has a usable one (no
 * decode of the photo); the display rendition (≤ DISPLAY_MAX_PX, sRGB, turned upright) decodes
 * the whole photo, which is also what proves a file is not cut short or damaged.
 */
export async function renderPhoto(file: string): Promise<PhotoRenditions> {
  const sharp = await loadSharp();
  const options = { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS } as const;
  let info: import('sharp').Metadata;
  try {
    // The header only, without the pixel limit: the size is checked below, with its own reason.
    info = await sharp(file, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') refuse('vanished');
    refuse('decode', error);
  }
  if (info.format === 'heif' && info.compression !== 'av1') refuse('heic-unsupported', info.compression);
  const format = info.format ? FORMATS[info.format] : undefined;
  // SVG among them: never rendered, as an SVG can carry script and fetch the network.
  if (!format) refuse('unsupported', info.format);
  if (!info.width || !info.height) refuse('decode', 'no size');
  if (info.width * info.height > PHOTO_MAX_PIXELS) refuse('too-many-pixels', `${info.width}×${info.height}`);
  const orientation = info.orientation ?? 1;
  const turned = orientation >= 5;
  const width = turned ? info.height : info.width;
  const height = turned ? info.width : info.height;

  let thumb: Buffer | null = null;
  if (info.format === 'jpeg') thumb = await thumbFromPreview(file, orientation, width / height).catch(() => null);
  const thumbFrom = thumb ? 'preview' : 'decode';

  try {
    thumb ??= await sharp(file, options)
      .rotate()
      .resize({ width: THUMB_MAX_PX, height: THUMB_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: THUMB_QUALITY })
      .toBuffer();
    const display = await sharp(file, options)
      .rotate()
      .resize({ width: DISPLAY_MAX_PX, height: DISPLAY_MAX_PX, fit: 'inside', withoutEnlargement: true })
      // CMYK, 16-bit and wide-gamut originals all leave as 8-bit sRGB, with the profile attached.
      .toColourspace('srgb')
      .withIccProfile('srgb')
      .jpeg({ quality: DISPLAY_QUALITY })
      .toBuffer();
    return { ...format, width, height, thumb, thumbFrom, display };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') refuse('vanished');
    refuse('decode', error);
  }
}

/** The EXIF preview, turned upright by the photo's orientation; null when none fits. */
async function thumbFromPreview(file: string, orientation: number, aspect: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(EXIF_HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, EXIF_HEAD_BYTES, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const preview = embeddedThumbnail(head);
  if (!preview) return null;
  const sharp = await loadSharp();
  if (orientation === 1) {
    // Upright already: the camera's own JPEG is the thumbnail, once sharp has read its size.
    const { width = 0, height = 0 } = await sharp(preview, { failOn: 'error' }).metadata();
    if (!width || !height || Math.abs(width / height - aspect) / aspect > PREVIEW_ASPECT_TOLERANCE) return null;
    return Buffer.from(preview);
  }
  // The preview carries no orientation of its own: give it the photo's, then let sharp turn it.
  const tagged = await sharp(preview, { failOn: 'error' }).withMetadata({ orientation }).jpeg({ quality: 95 }).toBuffer();
  const upright = await sharp(tagged, { failOn: 'error' }).rotate().jpeg({ quality: THUMB_QUALITY }).toBuffer({ resolveWithObject: true });
  const previewAspect = upright.info.width / upright.info.height;
  if (Math.abs(previewAspect - aspect) / aspect > PREVIEW_ASPECT_TOLERANCE) return null;
  return upright.data;
}
