import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, ipcMain, resetElectronMock } from './electronMock';
import { registerIpc } from '../../../../src/main/electron/ipc';
import type { EventSink, NewsdeskApp } from '../../../../src/main/app';
import { INVOKE_CHANNEL } from '../../../../src/shared/ipcChannels';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here.
vi.mock('electron', () => import('./electronMock'));

beforeEach(resetElectronMock);

/** Stands in for the app: records what reaches it, so the test sees what the sender check let through. */
function fakeApp() {
  let sink: EventSink | null = null;
  const unsubscribe = vi.fn();
  const app = {
    invoke: vi.fn(async () => ({ ok: true as const, value: 'handled' })),
    subscribe: vi.fn((s: EventSink) => {
      sink = s;
      return unsubscribe;
    }),
  };
  return { app: app as unknown as NewsdeskApp, invoke: app.invoke, emit: (...args: Parameters<EventSink>) => sink!(...args), unsubscribe };
}

function handler(): (event: unknown, channel: unknown, input: unknown) => Promise<unknown> {
  const registered = ipcMain.handlers.get(INVOKE_CHANNEL);
  if (!registered) throw new Error('no handler registered for the invoke channel');
  return registered as (event: unknown, channel: unknown, input: unknown) => Promise<unknown>;
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('registerIpc', () => {
  it('forwards calls from our own page in the top frame to the app', async () => {
    const { app, invoke } = fakeApp();
    registerIpc(app, () => null);
    const result = await handler()(topFrame('newsdesk://app/index.html'), 'articles.list', {});
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(invoke).toHaveBeenCalledWith('articles.list', {});
  });

  it.each([
    ['a foreign page', topFrame('https://evil.example/')],
    ['a look-alike host', topFrame('newsdesk://app.evil/')],
    ['a file:// page', topFrame('file:///opt/newsdesk/dist/renderer/index.html')],
    ['a subframe of our page', { senderFrame: { url: 'newsdesk://app/index.html', parent: { url: 'newsdesk://app/' } } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with UNAUTHORIZED and never reaches the app', async (_label, event) => {
    const { app, invoke } = fakeApp();
    registerIpc(app, () => null);
    const result = await handler()(event, 'articles.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', details: { reason: 'sender' } } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('sends events to the window, and not to a destroyed one', () => {
    const { app, emit } = fakeApp();
    const window = new BrowserWindow({});
    registerIpc(app, () => window as never);
    emit('articles.changed', { ids: ['a1'], reason: 'saved', summaries: [] });
    expect(window.webContents.send).toHaveBeenCalledWith('newsdesk:event:articles.changed', { ids: ['a1'], reason: 'saved', summaries: [] });
    window.destroyed = true;
    emit('articles.changed', { ids: ['a2'], reason: 'saved', summaries: [] });
    expect(window.webContents.send).toHaveBeenCalledOnce();
  });

  it('unregisters the handler and the event subscription', () => {
    const { app, unsubscribe } = fakeApp();
    const dispose = registerIpc(app, () => null);
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(unsubscribe).toHaveBeenCalled();
  });
});
