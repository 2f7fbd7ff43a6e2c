import { NewsdeskError, type ErrorCode } from '../../../shared/errors';
import type { MediaAsset } from '../../../shared/model/MediaAsset';
import { isPhotoFile } from './isPhotoFile';
import type { MediaUrls } from './MediaUrls';

export type PhotoImport =
  | { kind: 'imported'; asset: MediaAsset }
  /** Not a photo by its type or name: refused here, the file is never sent. */
  | { kind: 'notPhoto' }
  /** The media service refused it (corrupt, too large…) or storing failed. */
  | { kind: 'failed'; code: ErrorCode };

/** A file the writer chose, dropped or pasted, through the media service; never throws. */
export async function importPhoto(media: MediaUrls, file: File): Promise<PhotoImport> {
  if (!isPhotoFile(file)) return { kind: 'notPhoto' };
  try {
    return { kind: 'imported', asset: await media.importFile(file) };
  } catch (error) {
    return { kind: 'failed', code: error instanceof NewsdeskError ? error.code : 'INTERNAL' };
  }
}
