import type { Adapter } from 'lowdb';
import { parseJsonOrDamaged } from './DamagedFileError';
import { errnoOf, nodeFileSystem, type FileSystem } from './FileSystem';
import { toStorageError, writeFileDurable } from './writeFileDurable';

/**
 * A lowdb adapter whose writes are atomic and durable. lowdb's own JSONFile renames a temp file
 * but never fsyncs, so a power cut can leave an empty or truncated document.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly fs: FileSystem = nodeFileSystem,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw toStorageError(error, this.file);
    }
    // A damaged file throws DamagedFileError: the caller decides whether to quarantine.
    return parseJsonOrDamaged(text, this.file) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(data), this.fs);
  }
}
