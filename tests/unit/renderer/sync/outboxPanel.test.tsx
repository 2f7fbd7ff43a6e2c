// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../src/shared/model/SyncStatus';
import { OutboxPanel } from '../../../../src/renderer/sync/OutboxPanel';
import { byTestId, click, fakeHost, flush, mount } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

const blocked: OutboxItem = {
  id: 'ob-1',
  articleId: 'giao-ban-quy-3',
  kind: 'push',
  state: 'blocked',
  attempts: 2,
  enqueuedAt: '2026-12-02T07:00:00.000Z',
  nextAttemptAt: null,
  lastError: { code: 'PORTAL_FORBIDDEN', details: { wpCode: 'rest_cannot_create' } },
  receipt: null,
  title: 'Cửa Lò tổ chức hội nghị giao ban quý III',
};
const retrying: OutboxItem = { ...blocked, id: 'ob-2', articleId: 'le-hoi-sen', state: 'retrying', nextAttemptAt: '2026-12-02T07:30:00.000Z', lastError: { code: 'PORTAL_SERVER' }, title: 'Lễ hội sen Nghi Lộc' };
const done: OutboxItem = {
  ...blocked,
  id: 'ob-0',
  state: 'done',
  lastError: null,
  receipt: { postId: 412, status: 'publish', link: 'https://cualo.vn/2026/12/02/hoi-nghi-giao-ban/', modifiedGmt: '2026-12-02T06:55:00', at: '2026-12-02T06:55:01.000Z' },
};

function host() {
  return fakeHost({
    'sync.outbox': () => ({ active: [blocked, retrying], recent: [done] }),
    'sync.retry': ({ id }) => ({ ...(id === blocked.id ? blocked : retrying), state: 'waiting' }),
    'sync.cancel': ({ id }) => ({ ...(id === blocked.id ? blocked : retrying), state: 'cancelled' }),
  });
}

it('lists what waits with its state, attempts, translated error and next try; finished items with the receipt and a safe link', async () => {
  const fake = host();
  const view = await mount(<OutboxPanel bridge={fake.bridge} onClose={() => undefined} />);
  mounted.push(view);
  await flush();
  const [first, second] = [...byTestId(view.container, 'outbox-active').querySelectorAll('li')];
  expect(first!.textContent).toContain('Bị chặn — cần bạn xử lý');
  expect(first!.textContent).toContain('2 lần thử');
  expect(byTestId(first!, 'outbox-error').textContent).toBe('Lỗi: Cổng thông tin từ chối: tài khoản của bạn không có quyền làm việc này.');
  expect(second!.textContent).toContain('Sẽ thử lại');
  expect(byTestId(second!, 'outbox-next').textContent).toMatch(/^Thử lại lúc \d\d:\d\d/);

  const recent = byTestId(view.container, 'outbox-recent');
  expect(byTestId(recent, 'outbox-receipt').textContent).toContain('Bài số 412 trên cổng: Đã đăng');
  const link = byTestId<HTMLAnchorElement>(recent, 'outbox-link');
  expect(link.href).toBe(done.receipt!.link);
  expect(link.target).toBe('_blank');
  expect(link.rel).toBe('noopener noreferrer');
  // A finished item is a record: nothing to retry or cancel.
  expect(recent.querySelector('button')).toBeNull();
  // Every control is labelled with the article it acts on.
  expect(byTestId(first!, 'outbox-retry').getAttribute('aria-label')).toBe('Thử lại “Cửa Lò tổ chức hội nghị giao ban quý III”');
});

it('Cancel asks first: "keep it" sends nothing and gives the keyboard back to Cancel; confirming cancels', async () => {
  const fake = host();
  const view = await mount(<OutboxPanel bridge={fake.bridge} onClose={() => undefined} />);
  mounted.push(view);
  await flush();
  const first = byTestId(view.container, 'outbox-active').querySelector('li')!;

  await click(byTestId(first, 'outbox-cancel'));
  expect(first.textContent).toContain('Cổng thông tin sẽ không nhận được nó');
  expect(document.activeElement).toBe(byTestId(first, 'outbox-cancel-confirm'));
  await click(byTestId(first, 'outbox-cancel-keep'));
  expect(fake.callsOf('sync.cancel')).toEqual([]);
  expect(document.activeElement).toBe(byTestId(first, 'outbox-cancel'));

  await click(byTestId(first, 'outbox-cancel'));
  await click(byTestId(first, 'outbox-cancel-confirm'));
  await flush();
  expect(fake.callsOf('sync.cancel')).toEqual([{ id: 'ob-1' }]);
  expect(first.getAttribute('data-state')).toBe('cancelled');

  await click(byTestId(byTestId(view.container, 'outbox-active').querySelectorAll('li')[1]!, 'outbox-retry'));
  expect(fake.callsOf('sync.retry')).toEqual([{ id: 'ob-2' }]);
});

it('a link the portal sent that is not http(s) is not made clickable', async () => {
  const fake = fakeHost({
    'sync.outbox': () => ({ active: [], recent: [{ ...done, receipt: { ...done.receipt!, link: 'javascript:alert(1)' } }] }),
  });
  const view = await mount(<OutboxPanel bridge={fake.bridge} onClose={() => undefined} />);
  mounted.push(view);
  await flush();
  expect(view.container.querySelector('a')).toBeNull();
  expect(byTestId(view.container, 'outbox-active-empty').textContent).toBe('Không còn gì chờ gửi lên cổng.');
});
