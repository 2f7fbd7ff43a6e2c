import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from './fixtures';
import { HistoryModel } from './models/HistoryModel';
import { WebHost } from './WebHost';

async function api<T>(host: WebHost, request: import('@playwright/test').APIRequestContext, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/${channel}`, {
    headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
    data,
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok).toBe(true);
  return result.value;
}

/** The stored body of the only article, as JSON text. */
async function storedBody(host: WebHost, request: import('@playwright/test').APIRequestContext): Promise<string> {
  const [summary] = await api<{ id: string }[]>(host, request, 'articles.list', {});
  if (!summary) return '';
  return JSON.stringify((await api<{ body: unknown }>(host, request, 'articles.get', { id: summary.id })).body);
}

base('a damaged article file is quarantined with a notice naming it; the other articles load', async ({ host, page }) => {
  await api(host, page.request, 'articles.create', { title: 'Cửa Lò đón khách du lịch' });
  await api(host, page.request, 'articles.create', { title: 'Nghi Lộc chống hạn' });
  await host.stop();
  // Cut short, as by a power cut in an editor that did not write atomically.
  writeFileSync(join(host.dataDir, 'articles', 'bai-hong.json'), '{"schemaVersion":1,"id":"bai-hong","title":"Cửa');
  await host.restart();

  await page.goto(host.url);
  const history = new HistoryModel(page);
  await expect(history.notices).toHaveCount(1);
  await expect(history.notices.first()).toContainText('bai-hong.json');
  await expect(history.notices.first()).toContainText('bị cắt cụt');
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  await page.getByTestId('article-row').filter({ hasText: 'Cửa Lò đón khách du lịch' }).click();
  await expect(page.getByTestId('title-input')).toHaveValue('Cửa Lò đón khách du lịch');

  await page.getByTestId('language').selectOption('en');
  await expect(history.notices.first()).toContainText('cut short');

  // Visible until dismissed, across restarts; gone for good once dismissed.
  await host.restart();
  await page.goto('about:blank');
  await page.goto(host.url);
  await expect(history.notices).toHaveCount(1);
  await page.getByTestId('store-notice-dismiss').click();
  await expect(history.notices).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  await expect(history.notices).toHaveCount(0);
});

// The test-only fault-injecting build of the host reads <dataDir>/.faults.json before every write.
const test = base.extend<{ host: WebHost }>({
  host: async ({}, use) => {
    const host = await WebHost.start(undefined, {}, { faults: true });
    await use(host);
    await host.dispose();
  },
});

test('disk full: the editor keeps the text, says so in Vietnamese and retries; it saves once space is back', async ({
  newsdesk,
  page,
  host,
}) => {
  const faults = join(host.dataDir, '.faults.json');
  await newsdesk.createArticle();
  await newsdesk.title.fill('Giao ban trực tuyến');
  await expect.poll(async () => (await api<{ title: string }[]>(host, page.request, 'articles.list', {}))[0]?.title).toBe(
    'Giao ban trực tuyến',
  );

  writeFileSync(faults, JSON.stringify({ failWrites: 'ENOSPC' }));
  await newsdesk.body.click();
  await page.keyboard.insertText('Cửa Lò tham gia giao ban trực tuyến');
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'error');
  await expect(newsdesk.saveStatus).toContainText('Ổ đĩa đã đầy');
  await expect(newsdesk.saveStatus).toContainText('đang thử lại');
  // It keeps failing (and retrying) while the disk is full; the text stays in the editor.
  await page.waitForTimeout(2_500);
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'error');
  await expect(newsdesk.body).toHaveText('Cửa Lò tham gia giao ban trực tuyến');

  rmSync(faults);
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await expect.poll(() => storedBody(host, page.request)).toContain('Cửa Lò tham gia giao ban trực tuyến');
  await page.reload();
  await newsdesk.openRow(0);
  await expect(newsdesk.body).toHaveText('Cửa Lò tham gia giao ban trực tuyến');
  await expect(newsdesk.title).toHaveValue('Giao ban trực tuyến');
});

test('read-only data folder: a clear error, nothing saved is lost', async ({ newsdesk, page, host }) => {
  const faults = join(host.dataDir, '.faults.json');
  await newsdesk.createArticle();
  await newsdesk.body.click();
  await page.keyboard.insertText('Bản đã lưu');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bản đã lưu');
  await newsdesk.expectSaved();

  writeFileSync(faults, JSON.stringify({ failWrites: 'EROFS' }));
  await page.keyboard.insertText(' và phần chưa lưu');
  await expect(newsdesk.saveStatus).toContainText('Thư mục dữ liệu chỉ đọc');
  const body = await storedBody(host, page.request);
  expect(body).toContain('Bản đã lưu');
  expect(body).not.toContain('phần chưa lưu');
  await expect(newsdesk.body).toHaveText('Bản đã lưu và phần chưa lưu');

  writeFileSync(faults, '{}');
  await newsdesk.expectSaved();
});
