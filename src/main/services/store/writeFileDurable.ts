import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { NewsdeskError, storageErrorCode } from '../../../shared/errors';
import { errnoOf, nodeFileSystem, type FileSystem } from './FileSystem';

/** Suffix of in-flight temp files; readers skip them and `open` sweeps stale ones. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Writes a file so that after a crash at any moment the path holds either the old content or the
 * new, whole: temp file in the same folder, fsync, rename over, fsync the folder (without the last
 * fsync the rename itself may be lost on power failure). On failure the old file is untouched and
 * the temp file removed.
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  fs: FileSystem = nodeFileSystem,
): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw toStorageError(error, file);
  }
  await fsyncDirectory(dir, fs);
}

export async function fsyncDirectory(dir: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function toStorageError(error: unknown, file: string): NewsdeskError {
  if (error instanceof NewsdeskError) return error;
  const errno = errnoOf(error);
  return new NewsdeskError(storageErrorCode(errno), { file: basename(file), errno: errno ?? 'unknown' });
}
