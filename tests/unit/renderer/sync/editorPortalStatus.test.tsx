// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import type { Article } from '../../../../src/shared/model/Article';
import type { ArticleSync, SyncStatus } from '../../../../src/shared/model/SyncStatus';
import { ArticleSyncsContext } from '../../../../src/renderer/sync/ArticleSyncsContext';
import { EditorPortalStatus } from '../../../../src/renderer/sync/EditorPortalStatus';
import { byTestId, click, fakeHost, flush, mount } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

const status: SyncStatus = { configured: true, online: true, running: false, waiting: 0, blocked: 0, lastSyncAt: null, lastError: null, syncDrafts: false };
const article: Article = {
  schemaVersion: 3,
  id: 'le-hoi-sen',
  rev: 4,
  title: 'Lễ hội sen Nghi Lộc',
  lead: 'Sapo.',
  body: { root: { type: 'root', children: [] } },
  byline: 'Nguyễn Văn Hùng',
  dateline: '',
  category: '',
  tags: [],
  publishAt: null,
  featuredAssetId: null,
  slug: '',
  checkOverrides: [],
  state: 'published',
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-02T08:00:00.000Z',
};
const standing = (changes: Partial<ArticleSync>): ArticleSync => ({
  articleId: article.id,
  receipt: null,
  waiting: false,
  problem: null,
  conflict: false,
  deletedOnPortal: false,
  ...changes,
});

async function mountWith(sync: ArticleSync, handlers: Parameters<typeof fakeHost>[0] = {}, saveFirst = async () => 4) {
  const fake = fakeHost(handlers);
  const view = await mount(
    <ArticleSyncsContext.Provider value={{ byId: new Map([[article.id, sync]]), status }}>
      <EditorPortalStatus bridge={fake.bridge} article={article} saveFirst={saveFirst} onResolved={() => undefined} />
    </ArticleSyncsContext.Provider>,
  );
  mounted.push(view);
  return { fake, container: view.container };
}

it('with the portal’s receipt: what it said, and a link that opens the post outside the app', async () => {
  const link = 'https://cualo.vn/2026/12/02/le-hoi-sen-nghi-loc/';
  const { container } = await mountWith(standing({ receipt: { postId: 9, status: 'publish', link, modifiedGmt: '2026-12-02T08:00:00', at: '2026-12-02T08:00:01.000Z' } }));
  expect(byTestId(container, 'portal-badge').textContent).toContain('Đã đăng trên cổng');
  const anchor = byTestId<HTMLAnchorElement>(container, 'portal-link');
  expect([anchor.href, anchor.target, anchor.rel]).toEqual([link, '_blank', 'noopener noreferrer']);
});

it('published here, still in the outbox: "waiting to publish", never "published"', async () => {
  const { container } = await mountWith(standing({ waiting: true }));
  expect(byTestId(container, 'portal-badge').textContent).toBe('Chờ đăng (hộp thư đi)');
  expect(container.querySelector('a')).toBeNull();
});

it('deleted on the portal: asks, and each answer goes to sync.afterPortalDelete', async () => {
  const { fake, container } = await mountWith(standing({ deletedOnPortal: true, receipt: null }), { 'sync.afterPortalDelete': () => ({ done: true }) });
  expect(byTestId(container, 'editor-portal-status').textContent).toContain('Bài đã bị xoá trên cổng:');
  await click(byTestId(container, 'portal-detach'));
  await flush();
  await click(byTestId(container, 'portal-recreate'));
  await flush();
  expect(fake.callsOf('sync.afterPortalDelete')).toEqual([
    { id: article.id, choice: 'detach' },
    { id: article.id, choice: 'recreate' },
  ]);
});

it('a conflict is a button: it stores what was typed first, then opens the merge', async () => {
  const order: string[] = [];
  const { container } = await mountWith(
    standing({ conflict: true }),
    { 'sync.conflict': () => new Promise(() => order.push('sync.conflict')) },
    async () => {
      order.push('saveFirst');
      return 4;
    },
  );
  const badge = byTestId(container, 'portal-badge');
  expect(badge.tagName).toBe('BUTTON');
  expect(badge.textContent).toBe('Xung đột — chọn bản');
  await click(badge);
  await flush();
  expect(container.querySelector('[data-testid="conflict-view"]')).not.toBeNull();
  expect(order).toEqual(['saveFirst', 'sync.conflict']);
});

it('a problem is told in the writer’s language', async () => {
  const { container } = await mountWith(standing({ problem: { code: 'PORTAL_AUTH' } }));
  expect(byTestId(container, 'portal-badge').textContent).toBe('Không gửi được: Tên đăng nhập hoặc mật khẩu ứng dụng không đúng, hoặc mật khẩu đã bị thu hồi.');
});
