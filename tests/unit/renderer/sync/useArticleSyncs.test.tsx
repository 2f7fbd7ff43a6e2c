// @vitest-environment jsdom
import { useContext } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { ArticleSync, SyncStatus } from '../../../../src/shared/model/SyncStatus';
import type { Bridge } from '../../../../src/renderer/app/bridge';
import { ArticleSyncsContext } from '../../../../src/renderer/sync/ArticleSyncsContext';
import { ArticleSyncsProvider } from '../../../../src/renderer/sync/ArticleSyncsProvider';
import { SYNC_CHANGED_INTERVAL_MS, useArticleSyncs, type ArticleSyncs } from '../../../../src/renderer/sync/useArticleSyncs';
import { act, fakeHost, flush, mount } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

const status: SyncStatus = { configured: true, online: true, running: false, waiting: 1, blocked: 0, lastSyncAt: null, lastError: null, syncDrafts: false };
const standing = (articleId: string, changes: Partial<ArticleSync> = {}): ArticleSync => ({
  articleId,
  receipt: null,
  waiting: true,
  problem: null,
  conflict: false,
  deletedOnPortal: false,
  ...changes,
});

it('a sync.changed that arrives while the first listing is out wins over that listing', async () => {
  let answerList: (list: ArticleSync[]) => void = () => undefined;
  const fake = fakeHost({
    'sync.status': () => status,
    'sync.articles': () => new Promise<ArticleSync[]>((resolve) => (answerList = resolve)),
  });
  let latest: ArticleSyncs | null = null;
  function Probe({ bridge }: { bridge: Bridge }) {
    latest = useArticleSyncs(bridge);
    return null;
  }
  mounted.push(await mount(<Probe bridge={fake.bridge} />));
  await flush();
  const receipt = { postId: 5, status: 'publish' as const, link: 'https://cualo.vn/?p=5', modifiedGmt: '2026-12-02T08:00:00', at: '2026-12-02T08:00:01.000Z' };
  await fake.emit('sync.changed', { status: { ...status, waiting: 0 }, articles: [standing('a', { waiting: false, receipt })] });
  answerList([standing('a'), standing('b')]);
  await flush();
  const value = latest as ArticleSyncs | null;
  expect(value?.byId.get('a')).toEqual(standing('a', { waiting: false, receipt }));
  expect(value?.byId.get('b')).toEqual(standing('b'));
  expect(value?.status?.waiting).toBe(0);
});

it('a burst of sync.changed (a push, one per outbox step) is applied at once, then together at the end of the interval, latest standing winning', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    const fake = fakeHost({ 'sync.status': () => status, 'sync.articles': () => [] });
    let renders = 0;
    let latest: ArticleSyncs | null = null;
    function Probe({ bridge }: { bridge: Bridge }) {
      latest = useArticleSyncs(bridge);
      renders += 1;
      return null;
    }
    mounted.push(await mount(<Probe bridge={fake.bridge} />));
    await flush();
    const before = renders;
    // The first of a quiet spell shows at once.
    await fake.emit('sync.changed', { status: { ...status, waiting: 40 }, articles: [standing('a')] });
    expect(renders).toBe(before + 1);
    expect((latest as ArticleSyncs | null)?.status?.waiting).toBe(40);
    // Thirty more within the interval: none re-renders by itself.
    for (let i = 0; i < 30; i += 1) {
      await fake.emit('sync.changed', { status: { ...status, waiting: 39 - i }, articles: [standing(i % 2 === 0 ? 'a' : 'b', { waiting: i < 28 })] });
    }
    expect(renders).toBe(before + 1);
    expect((latest as ArticleSyncs | null)?.status?.waiting).toBe(40);
    await act(async () => {
      vi.advanceTimersByTime(SYNC_CHANGED_INTERVAL_MS);
    });
    expect(renders).toBe(before + 2);
    const value = latest as ArticleSyncs | null;
    expect(value?.status?.waiting).toBe(10);
    expect(value?.byId.get('a')).toEqual(standing('a', { waiting: false }));
    expect(value?.byId.get('b')).toEqual(standing('b', { waiting: false }));
    // Nothing left over: no further render without a further event.
    await act(async () => {
      vi.advanceTimersByTime(SYNC_CHANGED_INTERVAL_MS * 4);
    });
    expect(renders).toBe(before + 2);
  } finally {
    vi.useRealTimers();
  }
});

it('under ArticleSyncsProvider a sync.changed re-renders the readers of the syncs, not the rest of the workspace (the open editor)', async () => {
  const fake = fakeHost({ 'sync.status': () => status, 'sync.articles': () => [] });
  const renders = { editor: 0, badge: 0 };
  function Editor() {
    renders.editor += 1;
    return null;
  }
  function Badge() {
    const { status: current } = useContext(ArticleSyncsContext);
    renders.badge += 1;
    return <span data-testid="waiting">{current?.waiting ?? ''}</span>;
  }
  function Workspace({ bridge }: { bridge: Bridge }) {
    return (
      <ArticleSyncsProvider bridge={bridge}>
        <Editor />
        <Badge />
      </ArticleSyncsProvider>
    );
  }
  const view = await mount(<Workspace bridge={fake.bridge} />);
  mounted.push(view);
  await flush();
  const before = { ...renders };
  await fake.emit('sync.changed', { status: { ...status, waiting: 7 }, articles: [standing('a')] });
  expect(view.container.querySelector('[data-testid="waiting"]')?.textContent).toBe('7');
  expect(renders.badge).toBe(before.badge + 1);
  expect(renders.editor).toBe(before.editor);
});
