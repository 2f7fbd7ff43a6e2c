import { randomUUID } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { NewsdeskError } from '../../../shared/errors';
import {
  portalPhotoFieldsSchema,
  type PhotoCaptionTextField,
  type PhotoMetadata,
  type PortalPhotoFields,
} from '../../../shared/model/PhotoMetadata';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import { PHOTO_READ_ARGS, photoMetadataFromTags, type RawPhotoTags } from './photoMetadataFromTags';
import { portalRenditionTags } from './portalRenditionTags';

/** The long edge of the portal's photo: sharp on any article page, light to upload from a town office. */
export const PORTAL_MAX_PX = 2048;
export const PORTAL_JPEG_QUALITY = 85;

export interface PortalRendition {
  /** The JPEG; ArrayBuffer-backed, as fetch takes a body. */
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  /** Caption fields whose IPTC copy had to be cut to IPTC's lengths (XMP has them whole). */
  truncatedInIptc: PhotoCaptionTextField[];
}

export interface PortalRenditionOptions {
  /** Remove the position (default): a photo of a source's house must not say where it is. */
  stripGps?: boolean;
}

// sharp (libvips) and exiftool-vendored take ~60 ms each to load: paid on the first photo, not
// on every host start.
let sharpModule: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

export interface PhotoMetadataServiceOptions {
  /** Where its temp dir is made (default: the OS temp dir); a host may prefer the data dir's disk. */
  tempRoot?: string;
}

/**
 * Reads and writes the metadata of photos (EXIF, IPTC, XMP) with one long-lived ExifTool
 * process, started on first use; close() ends it. ExifTool works on files, so bytes pass
 * through a private temp dir, removed on close().
 */
export class PhotoMetadataService {
  private exiftool: Promise<ExifTool> | null = null;
  private tempDir: Promise<string> | null = null;
  private closing: Promise<void> | null = null;
  private readonly tempRoot: string;

  constructor({ tempRoot = tmpdir() }: PhotoMetadataServiceOptions = {}) {
    this.tempRoot = tempRoot;
  }

  /** Metadata of a photo (a path, or its bytes): text NFC, precedence as photoMetadataFromTags says. */
  async readPhotoMetadata(photo: string | Uint8Array): Promise<PhotoMetadata> {
    if (typeof photo === 'string') return this.readFile(photo);
    // No extension: ExifTool then goes by the bytes alone, whatever the format.
    return this.withTempFile(photo, '', (file) => this.readFile(file));
  }

  /**
   * The rendition that goes to the portal: ≤ PORTAL_MAX_PX on the long edge, pixels turned by
   * the EXIF orientation, sRGB (converted, profile attached), JPEG at PORTAL_JPEG_QUALITY. sharp
   * writes it without any metadata of the original (camera serials and GPS stay home); the caption
   * fields given are then written into IPTC and XMP (see portalRenditionTags).
   */
  async writePortalRendition(source: Uint8Array, metadata: PortalPhotoFields, { stripGps = true }: PortalRenditionOptions = {}): Promise<PortalRendition> {
    const parsed = portalPhotoFieldsSchema.safeParse(normalizeDeep(metadata));
    if (!parsed.success) throw new NewsdeskError('VALIDATION', { issues: parsed.error.issues.map((issue) => issue.path.join('.')) });
    const fields = parsed.data;
    const sharp = await loadSharp();
    let rendition: { data: Buffer; info: { width: number; height: number } };
    try {
      rendition = await sharp(source, { failOn: 'error' })
        .rotate()
        .resize({ width: PORTAL_MAX_PX, height: PORTAL_MAX_PX, fit: 'inside', withoutEnlargement: true })
        .withIccProfile('srgb')
        .jpeg({ quality: PORTAL_JPEG_QUALITY })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      console.warn('[newsdesk] portal rendition refused:', error instanceof Error ? error.message : error);
      throw new NewsdeskError('MEDIA_INVALID', { reason: 'decode' });
    }
    const { tags, truncatedInIptc } = portalRenditionTags(fields, { keepGps: !stripGps });
    const bytes = await this.withTempFile(rendition.data, '.jpg', async (file) => {
      const exiftool = await this.tool();
      // No `-charset iptc=…` needed: the 1:90 record among the tags makes ExifTool encode IPTC as UTF-8.
      const result = await exiftool.write(file, tags, { writeArgs: ['-overwrite_original'], useMWG: false });
      if (result.updated !== 1) throw new NewsdeskError('INTERNAL', { reason: 'metadata-write', warnings: result.warnings ?? [] });
      return new Uint8Array(await readFile(file));
    });
    return { bytes, width: rendition.info.width, height: rendition.info.height, truncatedInIptc };
  }

  /**
   * Ends the ExifTool process and removes the temp dir; safe to call twice. exiftool-vendored's
   * end() kills a process that does not leave when asked (tested with one that is stopped), and
   * its workers hold no handle that would keep a host or a test worker from exiting.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const exiftool = await this.exiftool?.catch(() => null);
      await exiftool?.end(true);
      const dir = await this.tempDir?.catch(() => null);
      if (dir) await rm(dir, { recursive: true, force: true });
    })();
    return this.closing;
  }

  private async readFile(file: string): Promise<PhotoMetadata> {
    const exiftool = await this.tool();
    try {
      await access(file);
    } catch {
      throw new NewsdeskError('NOT_FOUND', { reason: 'photo-file' });
    }
    let tags: RawPhotoTags;
    try {
      tags = await exiftool.readRaw<RawPhotoTags>(file, { readArgs: PHOTO_READ_ARGS, useMWG: false });
    } catch (error) {
      console.warn('[newsdesk] photo metadata unreadable:', error instanceof Error ? error.message : error);
      throw new NewsdeskError('MEDIA_INVALID', { reason: 'metadata' });
    }
    const metadata = photoMetadataFromTags(tags);
    if (!metadata) throw new NewsdeskError('MEDIA_INVALID', { reason: 'not-an-image' });
    return metadata;
  }

  private tool(): Promise<ExifTool> {
    if (this.closing) return Promise.reject(new NewsdeskError('INTERNAL', { reason: 'photo-metadata-closed' }));
    this.exiftool ??= import('exiftool-vendored').then(
      // One process: the desk captions one photo at a time, and the machine has 2 cores.
      ({ ExifTool }) => new ExifTool({ maxProcs: 1, useMWG: false }),
    );
    return this.exiftool;
  }

  private async withTempFile<T>(bytes: Uint8Array, extension: string, use: (file: string) => Promise<T>): Promise<T> {
    if (this.closing) throw new NewsdeskError('INTERNAL', { reason: 'photo-metadata-closed' });
    this.tempDir ??= mkdtemp(join(this.tempRoot, 'newsdesk-photos-'));
    const file = join(await this.tempDir, `${randomUUID()}${extension}`);
    await writeFile(file, bytes);
    try {
      return await use(file);
    } finally {
      await rm(file, { force: true });
    }
  }
}
