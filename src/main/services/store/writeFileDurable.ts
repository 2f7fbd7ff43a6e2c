import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsdeskError, storageErrorCode } from '../../../shared/errors';

/** Suffix of in-flight temp files; readers skip them and `open` sweeps stale ones. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Writes a file so that after a crash at any moment the path holds either the old content or the
 * new, whole: temp file in the same folder, fsync, rename over, fsync the folder (without the last
 * fsync the rename itself may be lost on power failure).
 */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw toStorageError(error, file);
  }
  await fsyncDirectory(dir);
}

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function toStorageError(error: unknown, file: string): NewsdeskError {
  if (error instanceof NewsdeskError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  return new NewsdeskError(storageErrorCode(errno), { file: basename(file), errno: errno ?? 'unknown' });
}
