// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../src/shared/model/SyncStatus';
import { ArticleSyncsContext } from '../../../../src/renderer/sync/ArticleSyncsContext';
import { SyncStatusBar } from '../../../../src/renderer/sync/SyncStatusBar';
import { useArticleSyncs } from '../../../../src/renderer/sync/useArticleSyncs';
import type { Bridge } from '../../../../src/renderer/app/bridge';
import { act, byTestId, click, fakeHost, flush, mount } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

const signedOut: SyncStatus = { configured: false, online: true, running: false, waiting: 0, blocked: 0, lastSyncAt: null, lastError: null, syncDrafts: false };

/** The status bar as the workspace mounts it: under the one useArticleSyncs of the app. */
function Workspace({ bridge }: { bridge: Bridge }) {
  return (
    <ArticleSyncsContext.Provider value={useArticleSyncs(bridge)}>
      <SyncStatusBar bridge={bridge} />
    </ArticleSyncsContext.Provider>
  );
}

function hostWith(status: SyncStatus) {
  let current = status;
  const host = fakeHost({
    'sync.status': () => current,
    'sync.articles': () => [],
    'sync.setNetwork': ({ online }) => (current = { ...current, online }),
    'sync.now': () => current,
  });
  return host;
}

it('not signed in: says the articles stay on this laptop, and "sync now" points to the account instead of pretending', async () => {
  const host = hostWith(signedOut);
  const view = await mount(<Workspace bridge={host.bridge} />);
  mounted.push(view);
  await flush();
  expect(byTestId(view.container, 'sync-not-configured').textContent).toBe('Chưa kết nối cổng — bài chỉ lưu trên máy này');
  await click(byTestId(view.container, 'sync-now'));
  expect(byTestId(view.container, 'sync-problem').textContent).toContain('Chưa đăng nhập cổng thông tin');
  expect(host.callsOf('sync.now')).toEqual([]);
});

it('hands navigator.onLine at start and every online/offline event to sync.setNetwork', async () => {
  const host = hostWith(signedOut);
  const view = await mount(<Workspace bridge={host.bridge} />);
  mounted.push(view);
  await flush();
  expect(host.callsOf('sync.setNetwork')).toEqual([{ online: navigator.onLine }]);
  await act(async () => {
    window.dispatchEvent(new Event('offline'));
  });
  await act(async () => {
    window.dispatchEvent(new Event('online'));
  });
  expect(host.callsOf('sync.setNetwork')).toEqual([{ online: navigator.onLine }, { online: false }, { online: true }]);
});

it('signed in: follows sync.changed — offline, waiting, blocked, the last sync in Vietnamese 24-hour time — and Ctrl+Shift+S syncs', async () => {
  const lastSyncAt = new Date();
  lastSyncAt.setHours(15, 4, 0, 0);
  const host = hostWith({ ...signedOut, configured: true });
  const view = await mount(<Workspace bridge={host.bridge} />);
  mounted.push(view);
  await flush();
  expect(byTestId(view.container, 'sync-last').textContent).toBe('Chưa đồng bộ lần nào');

  await host.emit('sync.changed', {
    status: { ...signedOut, configured: true, online: false, waiting: 3, blocked: 1, lastSyncAt: lastSyncAt.toISOString(), lastError: { code: 'PORTAL_UNREACHABLE' } },
    articles: [],
  });
  const bar = view.container;
  expect(byTestId(bar, 'sync-network').textContent).toBe('Ngoại tuyến');
  expect(byTestId(bar, 'sync-waiting').textContent).toBe('3 đang chờ');
  expect(byTestId(bar, 'sync-blocked').textContent).toBe('1 bị chặn');
  expect(byTestId(bar, 'sync-last').textContent).toBe('Đồng bộ lần cuối: 15:04');
  expect(byTestId(bar, 'sync-last-error').textContent).toContain('Không kết nối được cổng thông tin');
  expect(bar.querySelector('[data-testid="sync-not-configured"]')).toBeNull();

  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }));
  });
  await flush();
  expect(host.callsOf('sync.now')).toEqual([{}]);
});
