/**
 * Key-value settings that survive restarts. Both hosts and tests back it with `settings.json`
 * (JsonSettingsStore); the desktop host could pass an `electron-store` instance as is, since
 * electron-store is built on conf and has the same `get`/`set`.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
