import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter } from '../../../shared/Emitter';
import { NewsdeskError } from '../../../shared/errors';
import {
  PHOTO_MAX_BYTES,
  type Photo,
  type PhotoBatchResult,
  type PhotoFields,
  type PhotoImportOutcome,
  type PhotoImportProgress,
  type PhotoRendition,
} from '../../../shared/model/Photo';
import { normalizeText } from '../../../shared/text/normalizeText';
import { toStorageError } from '../store/writeFileDurable';
import { collectPhotoPaths } from './collectPhotoPaths';
import { PhotoImporter, type PhotoMetadataReader } from './PhotoImporter';
import { PhotoLibrary } from './PhotoLibrary';
import { PhotoMetadataService } from './PhotoMetadataService';

/** What the native dialog lets the user pick: files, or whole folders (a card's DCIM). */
export type PhotoPickKind = 'files' | 'folders';
/** The desktop host's file dialog: absolute paths, [] when the user cancelled. */
export type PickPhotoPaths = (kind: PhotoPickKind) => Promise<string[]>;

export interface PhotoDeskOptions {
  /** Given by the desktop host (Electron's dialog); the web edition streams bytes instead. */
  pickPaths?: PickPhotoPaths;
  /** Tests may pass a reader; otherwise an ExifTool-backed PhotoMetadataService of the desk's own. */
  metadata?: PhotoMetadataReader & { close(): Promise<void> };
}

/**
 * The photo desk's service: the library of photos, imports (from the desktop's dialog, or bytes
 * streamed by the web host), progress and cancel, and the caption fields' edits.
 */
export class PhotoDesk {
  readonly progress = new Emitter<PhotoImportProgress>();
  private readonly running = new Map<string, AbortController>();
  private readonly importer: PhotoImporter;
  private incomingReady: Promise<void> | null = null;

  private constructor(
    readonly library: PhotoLibrary,
    private readonly metadata: PhotoMetadataReader & { close(): Promise<void> },
    private readonly incomingDir: string,
    private readonly pickPaths: PickPhotoPaths | undefined,
  ) {
    this.importer = new PhotoImporter(library, metadata);
  }

  static async open(dataDir: string, options: PhotoDeskOptions = {}): Promise<PhotoDesk> {
    const library = await PhotoLibrary.open(dataDir);
    // Uploads land here before they are imported (made on the first one, not at host start).
    const incomingDir = join(library.dir, '.incoming');
    const metadata = options.metadata ?? new PhotoMetadataService();
    return new PhotoDesk(library, metadata, incomingDir, options.pickPaths);
  }

  get changes(): Emitter<Photo[]> {
    return this.library.changes;
  }

  list(): Promise<Photo[]> {
    return this.library.list();
  }

  async rendition(id: string, rendition: PhotoRendition): Promise<{ mime: string; bytes: Buffer }> {
    const { mime, file } = await this.library.rendition(id, rendition);
    try {
      return { mime, bytes: await readFile(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NewsdeskError('NOT_FOUND', { photoId: id, rendition });
      throw toStorageError(error, file);
    }
  }

  update(id: string, baseRev: number, fields: Partial<PhotoFields>): Promise<Photo> {
    return this.library.update(id, baseRev, fields);
  }

  updateMany(items: readonly { id: string; baseRev?: number; fields: Partial<PhotoFields> }[]): Promise<Photo[]> {
    return this.library.updateMany(items);
  }

  /** Desktop: the native dialog, then every file picked (folders walked); answers when the batch is over. */
  async importFromDialog(batchId: string, kind: PhotoPickKind): Promise<PhotoBatchResult> {
    if (!this.pickPaths) throw new NewsdeskError('VALIDATION', { reason: 'no-file-dialog' });
    const paths = await this.pickPaths(kind);
    return this.importPaths(batchId, paths);
  }

  async importPaths(batchId: string, paths: readonly string[]): Promise<PhotoBatchResult> {
    if (this.running.has(batchId)) throw new NewsdeskError('CONFLICT', { batchId });
    const controller = new AbortController();
    this.running.set(batchId, controller);
    try {
      const sources = await collectPhotoPaths(paths);
      return await this.importer.importBatch(sources, {
        batchId,
        signal: controller.signal,
        onProgress: (progress) => this.progress.emit(progress),
      });
    } finally {
      this.running.delete(batchId);
    }
  }

  /** Stops a running batch before its next file; false when no such batch runs. */
  cancel(batchId: string): boolean {
    const controller = this.running.get(batchId);
    controller?.abort();
    return controller !== undefined;
  }

  /**
   * Web edition: one file's bytes as the host streams them from the request body, written to a
   * temp file (never held whole in memory), imported, then removed.
   */
  async importUpload(name: string, body: AsyncIterable<Uint8Array>): Promise<PhotoImportOutcome> {
    const displayName = normalizeText(name).slice(0, 255) || 'photo';
    // Uploads a crash left behind are only temp files: removed before the first upload.
    this.incomingReady ??= rm(this.incomingDir, { recursive: true, force: true })
      .catch(() => undefined)
      .then(() => mkdir(this.incomingDir, { recursive: true }))
      .then(() => undefined);
    try {
      await this.incomingReady;
    } catch (error) {
      this.incomingReady = null;
      throw toStorageError(error, this.incomingDir);
    }
    const temp = join(this.incomingDir, randomUUID());
    try {
      const tooLarge = await receive(body, temp);
      if (tooLarge) return { kind: 'refused', name: displayName, code: 'MEDIA_INVALID', reason: 'too-large' };
      return await this.importer.importFile({ name: displayName, path: temp });
    } finally {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    await this.metadata.close();
  }
}

/** Writes the body to `file`; true (and the rest drained, unwritten) once it passes PHOTO_MAX_BYTES. */
async function receive(body: AsyncIterable<Uint8Array>, file: string): Promise<boolean> {
  const out = createWriteStream(file);
  let writeError: unknown = null;
  out.on('error', (error) => (writeError = error));
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of body) {
      if (writeError) break;
      size += chunk.byteLength;
      if (size > PHOTO_MAX_BYTES) tooLarge = true;
      // Drained rather than cut: the answer must still reach the client over the same connection.
      if (tooLarge) continue;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()).once('error', () => resolve()));
    }
  } catch (error) {
    out.destroy();
    // The client went away mid-upload (a cancel): nothing was imported.
    throw new NewsdeskError('MEDIA_INVALID', { reason: 'cancelled', cause: (error as Error).message });
  }
  if (!writeError) await new Promise<void>((resolve) => out.end(() => resolve()));
  out.destroy();
  if (writeError) throw toStorageError(writeError, file);
  return tooLarge;
}
