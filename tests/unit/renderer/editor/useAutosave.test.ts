// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { createApp, type NewsdeskApp } from '../../../../src/main/app';
import { createBridge, type Bridge } from '../../../../src/renderer/app/bridge';
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../../src/renderer/editor/useAutosave';
import type { Article } from '../../../../src/shared/model/Article';
import { NewsdeskError } from '../../../../src/shared/errors';
import { useTempDataDir } from '../../main/services/store/tempDataDir';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tempDataDir = useTempDataDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Autosave = ReturnType<typeof useAutosave>;

/** The real services behind the real renderer bridge, in process: the same path as the web host minus HTTP. */
async function realBridge(): Promise<{ app: NewsdeskApp; bridge: Bridge; calls: string[] }> {
  const app = await createApp({ dataDir: await tempDataDir(), host: 'web', version: 'test' });
  const calls: string[] = [];
  const bridge = createBridge({
    invoke: (channel, input) => {
      calls.push(channel);
      return app.invoke(channel, input);
    },
    on: () => () => undefined,
  });
  cleanups.push(() => app.close());
  return { app, bridge, calls };
}

/** Mounts the hook for `article`; `current()` is its latest return value. */
function mountAutosave(bridge: Bridge, article: Article): { current(): Autosave } {
  let latest: Autosave | null = null;
  function Probe() {
    latest = useAutosave(bridge, article, () => undefined);
    return null;
  }
  const container = document.createElement('div');
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(createElement(Probe));
  });
  cleanups.push(async () => act(() => root.unmount()));
  return { current: () => latest! };
}

it('saveNow stores pending changes at once, without waiting for the autosave delay', async () => {
  const { app, bridge } = await realBridge();
  const article = await bridge.invoke('articles.create', {});
  const autosave = mountAutosave(bridge, article);
  act(() => autosave.current().update({ title: 'Tin nóng chưa lưu' }));
  const started = Date.now();
  let rev = 0;
  await act(async () => {
    rev = await autosave.current().saveNow();
  });
  expect(Date.now() - started).toBeLessThan(AUTOSAVE_DELAY_MS);
  const stored = await app.services.articles.get(article.id);
  expect(stored.title).toBe('Tin nóng chưa lưu');
  expect(rev).toBe(stored.rev);
  expect(rev).toBeGreaterThan(article.rev);
  expect(autosave.current().status.kind).toBe('saved');
});

it('saveNow with nothing pending asks nothing and answers the current rev', async () => {
  const { bridge, calls } = await realBridge();
  const article = await bridge.invoke('articles.create', {});
  const autosave = mountAutosave(bridge, article);
  calls.length = 0;
  let rev = -1;
  await act(async () => {
    rev = await autosave.current().saveNow();
  });
  expect(rev).toBe(article.rev);
  expect(calls).toEqual([]);
});

it('saveNow during a save in flight waits for it, then saves what was typed after it started', async () => {
  const { app, bridge } = await realBridge();
  const article = await bridge.invoke('articles.create', {});
  const autosave = mountAutosave(bridge, article);
  let rev = 0;
  await act(async () => {
    autosave.current().update({ title: 'Một' });
    const first = autosave.current().saveNow();
    autosave.current().update({ lead: 'Hai' });
    const second = autosave.current().saveNow();
    await first;
    rev = await second;
  });
  const stored = await app.services.articles.get(article.id);
  expect([stored.title, stored.lead]).toEqual(['Một', 'Hai']);
  expect(rev).toBe(stored.rev);
});

it('saveNow rejects with CONFLICT when the article was saved elsewhere, and keeps the text pending', async () => {
  const { app, bridge } = await realBridge();
  const article = await bridge.invoke('articles.create', {});
  const autosave = mountAutosave(bridge, article);
  await app.services.articles.save(article.id, article.rev, { title: 'Từ máy khác' });
  act(() => autosave.current().update({ title: 'Của tôi' }));
  let error: unknown = null;
  await act(async () => {
    error = await autosave.current().saveNow().then(() => null, (e: unknown) => e);
  });
  expect(error).toBeInstanceOf(NewsdeskError);
  expect((error as NewsdeskError).code).toBe('CONFLICT');
  expect(autosave.current().status.kind).toBe('conflict');
  expect((await app.services.articles.get(article.id)).title).toBe('Từ máy khác');
});
