import { expect, test } from './fixtures';
import { SearchPanelModel } from './models/SearchPanelModel';
import type { NewsdeskPage } from './models/NewsdeskPage';
import { QueueModel } from './models/QueueModel';

async function write(newsdesk: NewsdeskPage, title: string, body: string): Promise<void> {
  const before = await newsdesk.rows.count();
  await newsdesk.createArticle();
  // The previous article's editor may still be on screen for a moment: wait for the new one.
  await expect(newsdesk.rows).toHaveCount(before + 1);
  await expect(newsdesk.title).toHaveValue('');
  await newsdesk.title.fill(title);
  await newsdesk.body.click();
  await newsdesk.page.keyboard.type(body);
  await newsdesk.expectSaved();
}

test('search finds Vietnamese with or without diacritics, exact spelling first, highlighted', async ({ newsdesk, page }) => {
  const search = new SearchPanelModel(page);
  await write(newsdesk, 'Du lịch Cửa Lò vào hè', 'Bãi biển Cửa Lò đón nhiều khách.');
  await write(newsdesk, 'Tin ngắn buổi sáng', 'Đoàn khách đến Cua Lo sớm.');
  await write(newsdesk, 'Chuyện khác', 'Không liên quan.');

  await search.search('cua lo', 2);
  // The article spelled as typed ("Cua Lo") first, then the one with marks.
  await expect(search.hits.nth(0)).toContainText('Tin ngắn buổi sáng');
  await expect(search.hits.nth(0)).toHaveAttribute('data-exact', 'true');
  await expect(search.hits.nth(1)).toContainText('Du lịch Cửa Lò vào hè');
  // Highlights are <mark> elements over the original text.
  await expect(search.hits.nth(0).locator('mark')).toHaveText(['Cua', 'Lo']);
  await expect(search.hits.nth(1).locator('.nd-search-hit-title mark')).toHaveText(['Cửa', 'Lò']);
  await expect(search.hits.nth(1).locator('mark').first()).toBeVisible();

  await search.search('Cửa Lò', 2);
  await expect(search.hits.nth(0)).toContainText('Du lịch Cửa Lò vào hè');
  await expect(search.hits.nth(0)).toHaveAttribute('data-exact', 'true');
  await expect(search.hits.nth(1)).toContainText('Tin ngắn buổi sáng');

  await search.search('không có bài này đâu', 0);
  await expect(page.getByTestId('search-empty')).toBeVisible();
});

test('an edit is found by search right after it is saved; Enter opens the hit', async ({ newsdesk, page }) => {
  const search = new SearchPanelModel(page);
  await write(newsdesk, 'Mùa vụ ở xã Tân Hòa', 'Nông dân gặt lúa.');
  await write(newsdesk, 'Giao thông', 'Đường mới thông xe.');
  await search.search('sau rieng', 0);

  await newsdesk.openRow(await newsdesk.rowIndexOf('Mùa vụ ở xã Tân Hòa'));
  // The article just written stays on screen until the opened one arrives: type into the right one.
  await expect(newsdesk.title).toHaveValue('Mùa vụ ở xã Tân Hòa');
  await newsdesk.body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Năm nay trồng thêm sầu riêng.');
  await expect(newsdesk.body).toContainText('Nông dân gặt lúa. Năm nay trồng thêm sầu riêng.');
  await newsdesk.expectSaved();

  await search.search('sau rieng', 1);
  await expect(search.hits.nth(0).locator('mark')).toHaveText(['sầu', 'riêng']);

  // Open the other article, then jump back through search with the keyboard only.
  await newsdesk.openRow(await newsdesk.rowIndexOf('Giao thông'));
  await expect(newsdesk.title).toHaveValue('Giao thông');
  await page.keyboard.press('Control+Shift+F');
  await expect(search.input).toBeFocused();
  await search.search('sầu riêng', 1);
  await page.keyboard.press('Enter');
  await expect(newsdesk.title).toHaveValue('Mùa vụ ở xã Tân Hòa');
});

test('the shortcut is shown in the tooltip, in both languages', async ({ newsdesk, page }) => {
  const search = new SearchPanelModel(page);
  await expect(search.input).toHaveAttribute('title', /Ctrl\+Shift\+F/);
  await expect(search.input).toHaveAttribute('title', /Tìm kiếm/);
  await page.getByTestId('language').selectOption('en');
  await expect(search.input).toHaveAttribute('title', 'Search (Ctrl+Shift+F or the / key)');
  expect(newsdesk).toBeTruthy();
});


test('a burst of saved changes re-runs the open query once per burst, and none without a query', async ({ newsdesk, page }) => {
  const search = new SearchPanelModel(page);
  const queue = new QueueModel(page, newsdesk.host);
  await queue.api('profile.set', { name: 'Biên Tập', role: 'editor' });
  const ids: string[] = [];
  for (let i = 0; i < 12; i += 1) ids.push((await queue.createComplete(`Lũ lụt miền Trung ${i + 1}`)).id);
  await expect(newsdesk.rows).toHaveCount(12);

  const queries: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/search.query')) queries.push(Date.now());
  });

  // No query: changes ask the search nothing.
  await queue.api('articles.bulk', { ids: ids.slice(0, 6), action: 'spike' });
  await expect(newsdesk.rows).toHaveCount(6);
  await page.waitForTimeout(800);
  expect(queries).toHaveLength(0);

  await search.search('lu lut', 12);
  await search.hits.nth(2).focus();
  const focused = await search.hits.nth(2).getAttribute('data-id');
  await page.waitForTimeout(500);
  queries.length = 0;

  // Twelve articles.changed events in one burst (one per article the bulk action moves).
  const started = Date.now();
  await queue.api('articles.bulk', { ids: ids.slice(0, 6), action: 'restore' });
  await queue.api('articles.bulk', { ids: ids.slice(6), action: 'spike' });
  const burstMs = Date.now() - started;
  await expect(newsdesk.rows).toHaveCount(6);
  await page.waitForTimeout(1_000);
  // At least once (the results must follow the change), at most once per 300 ms of the burst.
  expect(queries.length).toBeGreaterThanOrEqual(1);
  expect(queries.length, `${queries.length} queries for a ${burstMs} ms burst`).toBeLessThanOrEqual(Math.ceil(burstMs / 300) + 1);
  expect(queries.length).toBeLessThan(12);
  // Spiked articles still match (search covers every state), so the list is the same: focus stays put.
  await expect(search.hits).toHaveCount(12);
  await expect(search.hits.nth(2)).toBeFocused();
  await expect(search.hits.nth(2)).toHaveAttribute('data-id', focused ?? '');
  await expect(search.hits.nth(2)).toHaveAttribute('aria-selected', 'true');
});
