// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import type { ArticleSync, SyncStatus } from '../../../../src/shared/model/SyncStatus';
import type { Bridge } from '../../../../src/renderer/app/bridge';
import { useArticleSyncs, type ArticleSyncs } from '../../../../src/renderer/sync/useArticleSyncs';
import { fakeHost, flush, mount } from './fakeHost';

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
