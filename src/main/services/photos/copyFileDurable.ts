import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory, TEMP_SUFFIX, toStorageError } from '../store/writeFileDurable';

/** The sha256 of a file's bytes, hex, read as a stream (a 200 MB TIFF is never held whole). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies `source` to `target` as writeFileDurable writes (temp in the target's folder, fsync,
 * rename, fsync the folder), and answers the copy's sha256: the caller compares it with the hash
 * it deduplicated by, so a file that changed while it was imported is never kept under the old name.
 */
export async function copyFileDurable(source: string, target: string): Promise<string> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await copyFile(source, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const hash = await sha256OfFile(temp);
    await rename(temp, target);
    await fsyncDirectory(dir);
    return hash;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw toStorageError(error, target);
  }
}
