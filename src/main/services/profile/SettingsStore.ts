/**
 * Key-value settings that survive restarts. The web host and tests back it with `conf`
 * (ConfSettingsStore); the desktop host can pass an `electron-store` instance as is, since
 * electron-store is built on conf and has the same `get`/`set`.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
