import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PHOTO_BATCH_MAX } from '../../../shared/model/Photo';
import type { PhotoSource } from './PhotoImporter';

/** What a folder holds that the desk would import; the importer still checks every file's bytes. */
const PHOTO_NAME = /\.(jpe?g|png|webp|tiff?|heic|heif|avif)$/i;

/**
 * The files behind the paths the desktop's dialog gave: files as they are (whatever their name:
 * the user picked them), folders walked in name order, depth first, hidden entries skipped, at
 * most PHOTO_BATCH_MAX files.
 */
export async function collectPhotoPaths(paths: readonly string[]): Promise<PhotoSource[]> {
  const sources: PhotoSource[] = [];
  const visit = async (path: string, picked: boolean): Promise<void> => {
    if (sources.length >= PHOTO_BATCH_MAX) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      // Gone since it was picked: the importer reports it, so the user sees the name.
      if (picked) sources.push({ name: basename(path), path });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path).catch(() => [] as string[])).filter((entry) => !entry.startsWith('.')).sort();
      for (const entry of entries) await visit(join(path, entry), false);
    } else if (picked || PHOTO_NAME.test(path)) {
      sources.push({ name: basename(path), path });
    }
  };
  for (const path of paths) await visit(path, true);
  return sources;
}
