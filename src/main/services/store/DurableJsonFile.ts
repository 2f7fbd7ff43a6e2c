import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { toStorageError, writeFileDurable } from './writeFileDurable';

/**
 * A lowdb adapter whose writes are atomic and durable. lowdb's own JSONFile renames a temp file
 * but never fsyncs, so a power cut can leave an empty or truncated document.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toStorageError(error, this.file);
    }
    // A parse error propagates as a SyntaxError: the caller decides whether to quarantine.
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(data));
  }
}
