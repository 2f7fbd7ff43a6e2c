import Conf from 'conf';
import { NewsdeskError, storageErrorCode } from '../../../shared/errors';
import type { SettingsStore } from './SettingsStore';

/** Settings in `<dataDir>/settings.json`, written atomically by conf. */
export class ConfSettingsStore implements SettingsStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(dataDir: string) {
    try {
      // cwd pins the file to the data dir (no per-user config path), so each data dir,
      // and each test's temporary one, has its own settings.
      this.conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', clearInvalidConfig: true });
    } catch (error) {
      throw asStorageError(error);
    }
  }

  get(key: string): unknown {
    return this.conf.get(key);
  }

  set(key: string, value: unknown): void {
    try {
      this.conf.set(key, value);
    } catch (error) {
      throw asStorageError(error);
    }
  }
}

function asStorageError(error: unknown): NewsdeskError {
  const errno = (error as { code?: unknown } | null)?.code;
  // Never the path or message: they may name the user's home folder.
  return new NewsdeskError(storageErrorCode(typeof errno === 'string' ? errno : undefined), { what: 'settings' });
}
