import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Script, createContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, events } from '../../../src/shared/contract';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUNDLE = join(ROOT, 'dist/preload/preload.cjs');

/** Newest modification time of the sources the preload bundle is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  const stale =
    !existsSync(BUNDLE) ||
    statSync(BUNDLE).mtimeMs < Math.max(newestSource(join(ROOT, 'src/preload')), newestSource(join(ROOT, 'src/shared')));
  // The real build (esbuild part only, a few seconds), so this also checks scripts/build.mjs.
  if (stale) execFileSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

/**
 * Runs the built preload the way a sandboxed renderer does: a CommonJS script whose `require`
 * offers `electron` (MOCKED here: contextBridge and ipcRenderer record what they receive; no
 * Electron binary can run on this machine) and nothing else.
 */
function loadPreload() {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const electron = {
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer,
  };
  const module = { exports: {} };
  const context = createContext({
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${name}"`);
    },
    console,
  });
  new Script(readFileSync(BUNDLE, 'utf8'), { filename: BUNDLE }).runInContext(context);
  return { exposed, required, ipcRenderer, electron };
}

type Api = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};

describe('dist/preload/preload.cjs', () => {
  it('exists after the build and requires nothing but electron', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const { required } = loadPreload();
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes exactly window.newsdesk with invoke and on, nothing else', () => {
    const { exposed, electron } = loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...exposed.keys()]).toEqual(['newsdesk']);
    const api = exposed.get('newsdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    // Raw ipcRenderer must not be reachable from what the page gets.
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('forwards contract channels over the one invoke channel and refuses others locally', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('newsdesk') as Api;
    expect(await api.invoke('articles.list', {})).toEqual({ ok: true, value: 'from-main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('newsdesk:invoke', 'articles.list', {});
    ipcRenderer.invoke.mockClear();
    for (const channel of ['newsdesk:invoke', 'evil', '__proto__', 'constructor']) {
      expect(await api.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes every channel and event of the contract', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('newsdesk') as Api;
    for (const channel of Object.keys(channels)) {
      expect(await api.invoke(channel, {}), channel).toEqual({ ok: true, value: 'from-main' });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(Object.keys(channels).length);
    for (const event of Object.keys(events)) api.on(event, () => undefined);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(Object.keys(events).length);
  });

  it('carries the names only, not the schemas: no zod, a few KB (it is parsed in every window before the page)', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
    expect(statSync(BUNDLE).size).toBeLessThan(8 * 1024);
  });

  it('subscribes to contract events only, passes the payload but never the IPC event, and unsubscribes', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('newsdesk') as Api;
    const listener = vi.fn();
    const off = api.on('articles.changed', listener);
    expect(ipcRenderer.on).toHaveBeenCalledOnce();
    const [name, wrapped] = ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(name).toBe('newsdesk:event:articles.changed');
    // The IpcRendererEvent carries `sender` (ipcRenderer itself): it must not reach the page.
    wrapped({ sender: ipcRenderer }, { ids: ['a'], reason: 'saved' });
    expect(listener).toHaveBeenCalledWith({ ids: ['a'], reason: 'saved' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('newsdesk:event:articles.changed', wrapped);

    ipcRenderer.on.mockClear();
    api.on('newsdesk:invoke', listener)();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
