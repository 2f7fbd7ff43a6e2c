import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { NewsdeskError, storageErrorCode } from '../../../shared/errors';
import { TEMP_SUFFIX } from '../store/writeFileDurable';
import type { SettingsStore } from './SettingsStore';

const FILE = 'settings.json';

/**
 * Settings in `<dataDir>/settings.json` (the file and shape conf used: existing data dirs keep
 * their profile). Replaces conf, whose module graph (ajv and friends) cost ~140 ms of every host
 * start for a file of one key. Synchronous like conf, since SettingsStore is; writes are atomic
 * and durable like every other write in the data dir (temp file, fsync, rename, fsync the folder).
 * A damaged file reads as empty and is replaced by the next write (conf's clearInvalidConfig).
 */
export class JsonSettingsStore implements SettingsStore {
  private readonly file: string;
  private values: Record<string, unknown>;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, FILE);
    this.values = read(this.file);
  }

  get(key: string): unknown {
    return this.values[key];
  }

  set(key: string, value: unknown): void {
    const next = { ...this.values, [key]: value };
    const temp = join(this.dataDir, `.${FILE}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, `${JSON.stringify(next, null, '\t')}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
      if (process.platform !== 'win32') {
        const dir = openSync(this.dataDir, 'r');
        try {
          fsyncSync(dir);
        } finally {
          closeSync(dir);
        }
      }
    } catch (error) {
      rmSync(temp, { force: true });
      throw asStorageError(error);
    }
    // Only once on disk: a failed write leaves the old value readable too.
    this.values = next;
  }
}

function read(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw asStorageError(error);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function asStorageError(error: unknown): NewsdeskError {
  const errno = (error as { code?: unknown } | null)?.code;
  // Never the path or message: they may name the user's home folder.
  return new NewsdeskError(storageErrorCode(typeof errno === 'string' ? errno : undefined), { what: 'settings' });
}
