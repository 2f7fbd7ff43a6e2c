import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonSettingsStore } from '../../../../../src/main/services/profile/JsonSettingsStore';
import { ProfileService } from '../../../../../src/main/services/profile/ProfileService';
import type { Profile } from '../../../../../src/shared/model/Profile';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-profile-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ProfileService on settings.json', () => {
  it('starts as an unnamed reporter', () => {
    expect(new ProfileService(new JsonSettingsStore(dataDir())).get()).toEqual({ name: '', role: 'reporter' });
  });

  it('persists name and role in the data dir, NFC and with spacing tidied', () => {
    const dir = dataDir();
    const first = new ProfileService(new JsonSettingsStore(dir));
    const saved = first.set({ name: '  Lê   Thu Hà '.normalize('NFD'), role: 'editor' });
    expect(saved).toEqual({ name: 'Lê Thu Hà', role: 'editor' });
    // A new process on the same data dir sees it.
    expect(new ProfileService(new JsonSettingsStore(dir)).get()).toEqual({ name: 'Lê Thu Hà', role: 'editor' });
    // Another data dir does not.
    expect(new ProfileService(new JsonSettingsStore(dataDir())).get().role).toBe('reporter');
  });

  it('announces each change', () => {
    const service = new ProfileService(new JsonSettingsStore(dataDir()));
    const seen: Profile[] = [];
    service.changes.on((profile) => seen.push(profile));
    service.set({ name: 'An', role: 'photographer' });
    expect(seen).toEqual([{ name: 'An', role: 'photographer' }]);
  });

  it('refuses an unknown role and keeps the stored profile', () => {
    const service = new ProfileService(new JsonSettingsStore(dataDir()));
    service.set({ name: 'An', role: 'editor' });
    expect(() => service.set({ name: 'An', role: 'admin' } as unknown as Profile)).toThrow();
    expect(service.get().role).toBe('editor');
  });

  it('falls back to the default when the stored value is damaged, rather than locking the user out', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ profile: { name: 42, role: 'chief' } }));
    expect(new ProfileService(new JsonSettingsStore(dir)).get()).toEqual({ name: '', role: 'reporter' });
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(new ProfileService(new JsonSettingsStore(dir)).get()).toEqual({ name: '', role: 'reporter' });
  });

  it('accepts any SettingsStore (the desktop host passes electron-store)', () => {
    const memory = new Map<string, unknown>();
    const service = new ProfileService({ get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) });
    service.set({ name: 'Bình', role: 'editor' });
    expect(memory.get('profile')).toEqual({ name: 'Bình', role: 'editor' });
  });
});
