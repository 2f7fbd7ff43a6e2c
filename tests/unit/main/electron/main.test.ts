import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../../../src/shared/ipcChannels';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here. main.ts is the real
// entry point; importing it runs its start-up against the mock and a temporary data dir.
vi.mock('electron', () => import('./electronMock'));
// electron-store is a real dependency that requires `electron` itself (outside vitest's module
// graph, so the mock above cannot reach it): it is MOCKED too, as an in-memory key-value store,
// which is all main.ts asks of it.
vi.mock('electron-store', () => ({
  default: class MemoryStore {
    private readonly values = new Map<string, unknown>();
    get(key: string): unknown {
      return this.values.get(key);
    }
    set(key: string, value: unknown): void {
      this.values.set(key, value);
    }
  },
}));

let dataDir: string;
// Taken from `electron` itself, so it is the very instance main.ts receives: vi.resetModules
// re-evaluates main.ts per test but keeps the mock factory's result.
let electron: typeof import('./electronMock');

beforeEach(async () => {
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof import('./electronMock');
  electron.resetElectronMock();
  dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-main-'));
  vi.stubEnv('NEWSDESK_DATA_DIR', dataDir);
});

afterEach(async () => {
  const { app } = electron;
  // Lets the app close its store before the folder goes.
  app.emit('window-all-closed');
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  vi.unstubAllEnvs();
  // main.ts quits at once when the window closes before the app finished opening (the first test
  // ends as soon as the window exists): the stores may still be making their folders meanwhile.
  await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Order of the calls that matter, by Vitest's global invocation counter. */
function order(fn: { mock: { invocationCallOrder: number[] } }): number {
  const first = fn.mock.invocationCallOrder[0];
  if (first === undefined) throw new Error('expected a call that did not happen');
  return first;
}

describe('electron/main.ts start-up', () => {
  it('registers the scheme before ready, applies the security policy and IPC before any window exists', async () => {
    const { app, BrowserWindow, ipcMain, protocol, session } = electron;
    await import('../../../../src/main/electron/main');
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1), { timeout: 10_000 });

    expect(order(protocol.registerSchemesAsPrivileged)).toBeLessThan(order(app.whenReady));
    // app.enableSandbox() works only before ready: every renderer sandboxed, whatever its options.
    expect(order(app.enableSandbox)).toBeLessThan(order(app.whenReady));
    expect(order(session.defaultSession.setSpellCheckerDictionaryDownloadURL)).toBeLessThan(order(BrowserWindow.created[0]!.loadURL));
    expect(order(session.defaultSession.setPermissionRequestHandler)).toBeLessThan(order(ipcMain.handle));
    expect(app.listeners.get('web-contents-created')).toHaveLength(1);
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true);
    expect(protocol.handlers.has('newsdesk')).toBe(true);
    // The window (and so every web contents) comes last, once every guard is in place.
    const window = BrowserWindow.created[0]!;
    const prefs = (window.options as { webPreferences: { preload: string } }).webPreferences;
    expect(prefs.preload).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('uses NEWSDESK_DATA_DIR and answers IPC from our page with the electron host', async () => {
    const { ipcMain } = electron;
    await import('../../../../src/main/electron/main');
    await vi.waitFor(() => expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true), { timeout: 10_000 });
    const handle = ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const result = await handle({ senderFrame: { url: 'newsdesk://app/index.html', parent: null } }, 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });

    // The profile goes to electron-store, not to a settings.json in the data dir.
    const frame = { senderFrame: { url: 'newsdesk://app/index.html', parent: null } };
    const set = await handle(frame, 'profile.set', { name: 'Thanh Bình', role: 'editor' });
    expect(set).toMatchObject({ ok: true });
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(false);
    expect(await handle(frame, 'profile.get', {})).toMatchObject({ ok: true, value: { name: 'Thanh Bình' } });
  });

  it('replaces Electron\'s default menu (its Ctrl/Cmd+Shift+R reloads the editor) before the window opens', async () => {
    const { BrowserWindow, Menu } = electron;
    await import('../../../../src/main/electron/main');
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    if (process.platform === 'darwin') expect(Menu.current).toMatchObject({ template: [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] });
    else expect(Menu.current).toBeNull();
  });

  it('quits when another instance already holds the lock', async () => {
    const { app } = electron;
    const { BrowserWindow, ipcMain } = electron;
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../../../src/main/electron/main');
    expect(app.quit).toHaveBeenCalled();
    // Quitting is asynchronous in Electron: the second instance must not start meanwhile, or it
    // would open the first one's data dir and write to it alongside.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
  });
});
