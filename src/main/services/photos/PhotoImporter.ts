import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError, isNewsdeskError } from '../../../shared/errors';
import {
  EMPTY_PHOTO_FIELDS,
  PHOTO_MAX_BYTES,
  photoFieldsSchema,
  photoRefusalReasonSchema,
  type Photo,
  type PhotoBatchResult,
  type PhotoFields,
  type PhotoImportOutcome,
  type PhotoImportProgress,
} from '../../../shared/model/Photo';
import type { PhotoMetadata } from '../../../shared/model/PhotoMetadata';
import { normalizeText } from '../../../shared/text/normalizeText';
import { errnoOf } from '../store/FileSystem';
import { toStorageError, writeFileDurable } from '../store/writeFileDurable';
import { copyFileDurable, sha256OfFile } from './copyFileDurable';
import { photoFile, type PhotoLibrary } from './PhotoLibrary';
import { renderPhoto } from './renderPhoto';

/** A file to import: a path the host may read (the desktop's dialog, or the web host's upload). */
export interface PhotoSource {
  /** The name the user knows it by (shown in progress and in the refused list). */
  name: string;
  path: string;
}

export interface PhotoBatchOptions {
  batchId: string;
  /** Aborting stops the batch before its next file; the files done so far stay imported. */
  signal?: AbortSignal;
  onProgress?(progress: PhotoImportProgress): void;
}

/** What the importer needs of PhotoMetadataService. */
export interface PhotoMetadataReader {
  readPhotoMetadata(file: string): Promise<PhotoMetadata>;
}

/**
 * Imports photos into the library, one file at a time (the machine has 2 cores; libvips uses
 * both for one photo): size check, sha256 (the same bytes are never added twice), renditions and
 * metadata from the source, then the original copied byte for byte (checked against the hash),
 * the renditions, and the record last. A file that cannot be imported is refused with a code and
 * a reason; it never stops a batch.
 */
export class PhotoImporter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly library: PhotoLibrary,
    private readonly metadata: PhotoMetadataReader,
  ) {}

  /** One file; queued behind any import already running. */
  importFile(source: PhotoSource): Promise<PhotoImportOutcome> {
    const run = this.queue.catch(() => undefined).then(() => this.importNow(source));
    this.queue = run;
    return run;
  }

  async importBatch(sources: readonly PhotoSource[], { batchId, signal, onProgress }: PhotoBatchOptions): Promise<PhotoBatchResult> {
    const outcomes: PhotoImportOutcome[] = [];
    let cancelled = false;
    for (const [index, source] of sources.entries()) {
      if (signal?.aborted) {
        cancelled = true;
        break;
      }
      onProgress?.({ batchId, done: index, total: sources.length, current: source.name });
      outcomes.push(await this.importFile(source));
    }
    onProgress?.({ batchId, done: outcomes.length, total: sources.length, current: null });
    return { batchId, outcomes, cancelled };
  }

  private async importNow(source: PhotoSource): Promise<PhotoImportOutcome> {
    const name = normalizeText(source.name).slice(0, 255) || 'photo';
    try {
      const photo = await this.importOrFind(source.path, name);
      return photo.kind === 'duplicate' ? { kind: 'duplicate', name, photo: photo.photo } : { kind: 'imported', name, photo: photo.photo };
    } catch (error) {
      const refusal = isNewsdeskError(error) ? error : toStorageError(error, source.path);
      const reason = photoRefusalReasonSchema.safeParse(refusal.details?.reason);
      return { kind: 'refused', name, code: refusal.code, reason: reason.success ? reason.data : null };
    }
  }

  private async importOrFind(path: string, name: string): Promise<{ kind: 'imported' | 'duplicate'; photo: Photo }> {
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new NewsdeskError('MEDIA_INVALID', { reason: 'unsupported' });
      size = info.size;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') throw new NewsdeskError('MEDIA_INVALID', { reason: 'vanished' });
      throw error;
    }
    if (size === 0) throw new NewsdeskError('MEDIA_INVALID', { reason: 'empty' });
    if (size > PHOTO_MAX_BYTES) throw new NewsdeskError('MEDIA_INVALID', { reason: 'too-large' });
    const sha256 = await this.hash(path);
    const id = sha256.slice(0, 32);
    const existing = await this.library.find(id);
    if (existing) return { kind: 'duplicate', photo: existing };

    const renditions = await renderPhoto(path);
    // Damaged EXIF is no reason to refuse a photo whose pixels decode: its fields start empty.
    const metadata = await this.metadata.readPhotoMetadata(path).catch(() => null);
    const dir = this.library.folderOf(id);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, dir);
    }
    const copied = await copyFileDurable(path, join(dir, photoFile('original', renditions.ext)));
    if (copied !== sha256) throw new NewsdeskError('MEDIA_INVALID', { reason: 'vanished' });
    await writeFileDurable(join(dir, photoFile('thumb', renditions.ext)), renditions.thumb);
    await writeFileDurable(join(dir, photoFile('display', renditions.ext)), renditions.display);
    const photo = await this.library.add({
      id,
      sha256,
      name,
      mime: renditions.mime,
      ext: renditions.ext,
      width: renditions.width,
      height: renditions.height,
      bytes: size,
      importedAt: new Date().toISOString(),
      thumbFrom: renditions.thumbFrom,
      hasGps: metadata?.gps.present ?? false,
      rev: 0,
      fields: metadata ? prefilledFields(metadata) : EMPTY_PHOTO_FIELDS,
    });
    return { kind: 'imported', photo };
  }

  private async hash(path: string): Promise<string> {
    try {
      return await sha256OfFile(path);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') throw new NewsdeskError('MEDIA_INVALID', { reason: 'vanished' });
      throw toStorageError(error, path);
    }
  }
}

/** The caption form as the file fills it; the alt text is never in a file and starts empty. */
export function prefilledFields(metadata: PhotoMetadata): PhotoFields {
  // XMP has no lengths: a file's field longer than the desk keeps is cut, never a refused photo.
  const cut = (value: string, field: Exclude<keyof PhotoFields, 'dateTaken' | 'keywords'>) =>
    value.slice(0, photoFieldsSchema.shape[field].maxLength ?? value.length);
  return {
    caption: cut(metadata.caption, 'caption'),
    alt: '',
    // What is printed under the photo ("Ảnh: …"): the credit line, else whoever took it.
    credit: cut(metadata.credit || metadata.byline, 'credit'),
    headline: cut(metadata.headline, 'headline'),
    byline: cut(metadata.byline, 'byline'),
    copyright: cut(metadata.copyright, 'copyright'),
    city: cut(metadata.city, 'city'),
    province: cut(metadata.province, 'province'),
    country: cut(metadata.country, 'country'),
    dateTaken: metadata.dateTaken,
    keywords: metadata.keywords.slice(0, 100).map((keyword) => keyword.slice(0, 100)),
  };
}
