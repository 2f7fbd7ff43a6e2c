import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLE_SCHEMA_VERSION, ARTICLE_STATES, emptyBody } from '../../src/shared/model/Article';
import { expect, test } from './fixtures';
import { NewsdeskPage } from './models/NewsdeskPage';
import { QueueModel } from './models/QueueModel';
import { WebHost } from './WebHost';

test('bulk spike and restore with counts per state; restore puts each article back where it was', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.api('profile.set', { name: 'Biên Tập', role: 'editor' });
  await queue.createComplete('Một', { byline: 'Trần Thị Mai', category: 'Kinh tế' });
  const two = await queue.createComplete('Hai', { byline: 'Lê Văn Hùng', category: 'Thời sự' });
  await queue.createComplete('Ba', { byline: 'Trần Văn Nam', category: 'Thời sự' });
  await queue.api('articles.transition', { id: two.id, to: 'submitted' });
  await queue.api('articles.transition', { id: two.id, to: 'in_review' });

  await queue.expectCount('active', 3);
  await queue.expectCount('draft', 2);
  await queue.expectCount('in_review', 1);
  await queue.expectCount('spiked', 0);

  // Click the first row, Shift+click the last: all three.
  await queue.rows.first().click();
  await queue.rows.last().click({ modifiers: ['Shift'] });
  await expect(queue.selectedCount).toHaveAttribute('data-count', '3');
  // Ctrl+click takes one out again.
  await queue.row('Ba').click({ modifiers: ['ControlOrMeta'] });
  await expect(queue.selectedCount).toHaveAttribute('data-count', '2');
  await queue.row('Ba').click({ modifiers: ['ControlOrMeta'] });
  await expect(queue.selectedCount).toHaveAttribute('data-count', '3');

  await page.getByTestId('bulk-spike').click();
  await expect(page.getByTestId('queue-notice')).toHaveText('Đã huỷ 3 bài');
  await queue.expectCount('spiked', 3);
  await queue.expectCount('active', 0);
  await queue.expectCount('in_review', 0);
  await expect(queue.rows).toHaveCount(0);

  await queue.chip('spiked').click();
  await expect(queue.rows).toHaveCount(3);
  await queue.list.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(queue.selectedCount).toHaveAttribute('data-count', '3');
  await page.getByTestId('bulk-restore').click();
  await expect(page.getByTestId('queue-notice')).toHaveText('Đã khôi phục 3 bài');
  await queue.expectCount('spiked', 0);
  await queue.expectCount('draft', 2);
  await queue.expectCount('in_review', 1);

  // Filters: author without marks, category; counts follow them.
  await queue.chip('active').click();
  await page.getByTestId('filter-author').fill('tran');
  await expect(queue.rows).toHaveCount(2);
  await page.getByTestId('filter-category').selectOption('Thời sự');
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.rows.first()).toContainText('Ba');
  await queue.expectCount('active', 1);
  await page.getByTestId('filter-clear').click();
  await expect(queue.rows).toHaveCount(3);
});

test('a writer’s bulk spike reports what it could not do', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.api('profile.set', { name: 'Người Khác', role: 'reporter' });
  await queue.createComplete('Của người khác');
  await queue.api('profile.set', { name: 'An', role: 'reporter' });
  await queue.createComplete('Của An');
  await queue.list.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.getByTestId('bulk-spike').click();
  await expect(page.getByTestId('queue-notice')).toContainText('Xong 1 bài; 1 bài không áp dụng được');
  await queue.expectCount('spiked', 1);
  await queue.expectCount('draft', 1);
});

test('export hands over the selected articles as one JSON file', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.createComplete('Xuất một');
  await queue.createComplete('Xuất hai');
  await queue.createComplete('Không xuất');
  await queue.row('Xuất một').click();
  await queue.row('Xuất hai').click({ modifiers: ['ControlOrMeta'] });
  const download = page.waitForEvent('download');
  await page.getByTestId('bulk-export').click();
  const file = await (await download).path();
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { format: string; articles: { title: string }[] };
  expect(bundle.format).toBe('newsdesk.articles');
  expect(bundle.articles.map((article) => article.title).sort()).toEqual(['Xuất hai', 'Xuất một']);
});

test('keyboard: arrows move, Enter opens', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.createComplete('Cũ');
  await queue.createComplete('Mới');
  await queue.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Newest first: the second row is the older article.
  await expect(newsdesk.title).toHaveValue('Cũ');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(newsdesk.title).toHaveValue('Mới');
});

const BIG = 10_000;

/** 10,000 small articles written as the store writes them, before the host starts. */
function writeStore(dataDir: string, count: number): void {
  const dir = join(dataDir, 'articles');
  mkdirSync(dir, { recursive: true });
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const stamp = new Date(start + i * 60_000).toISOString();
    const state = ARTICLE_STATES[i % ARTICLE_STATES.length]!;
    writeFileSync(
      join(dir, `${id}.json`),
      JSON.stringify({
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        id,
        rev: 1,
        title: `Bài số ${String(i).padStart(5, '0')}`,
        lead: '',
        body: emptyBody(),
        byline: `Phóng viên ${i % 37}`,
        dateline: '',
        category: ['Thời sự', 'Kinh tế', 'Văn hóa'][i % 3],
        tags: [],
        publishAt: state === 'scheduled' ? stamp : null,
        featuredAssetId: null,
        slug: '',
        checkOverrides: [],
        state,
        ...(state === 'spiked' ? { spikedFrom: 'draft' } : {}),
        createdAt: stamp,
        updatedAt: stamp,
      }),
    );
  }
}

test('10,000 articles scroll to the end with only a window of rows in the DOM', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-queue-'));
  let started = Date.now();
  writeStore(dataDir, BIG);
  const writeMs = Date.now() - started;
  started = Date.now();
  const host = await WebHost.start(dataDir);
  const hostMs = Date.now() - started;
  try {
    const newsdesk = new NewsdeskPage(page, host);
    started = Date.now();
    await newsdesk.open();
    const queue = new QueueModel(page, host);
    const spiked = BIG / ARTICLE_STATES.length;
    await queue.expectCount('active', BIG - spiked);
    const firstPaintMs = Date.now() - started;
    await queue.expectCount('spiked', spiked);
    await expect(queue.list).toHaveAttribute('data-rows', String(BIG - spiked));

    const inDom = await queue.rows.count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(80);

    // Scroll by wheel to the end, sampling frame gaps on the page while it scrolls.
    await page.evaluate(() => {
      const gaps: number[] = [];
      let last = performance.now();
      const tick = (now: number) => {
        gaps.push(now - last);
        last = now;
        if ((window as unknown as { __stop?: boolean }).__stop !== true) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      (window as unknown as { __gaps: number[] }).__gaps = gaps;
    });
    const box = await queue.list.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    started = Date.now();
    for (let i = 0; i < 40; i += 1) await page.mouse.wheel(0, 4_000);
    await page.keyboard.press('End').catch(() => undefined);
    await queue.list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const lastIndex = String(BIG - spiked - 1);
    await expect(page.locator(`[data-testid="article-row"][data-index="${lastIndex}"]`)).toBeVisible();
    const scrollMs = Date.now() - started;
    const gaps = await page.evaluate(() => {
      (window as unknown as { __stop?: boolean }).__stop = true;
      return (window as unknown as { __gaps: number[] }).__gaps.slice(1);
    });
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    const worst = sorted[sorted.length - 1] ?? 0;
    expect(await queue.rows.count()).toBeLessThan(80);
    // The oldest article is last in "newest first" order.
    await expect(queue.rows.last()).toContainText('Bài số 0000');
    console.log(
      `[queue 10k] write ${writeMs} ms, host start ${hostMs} ms, first list ${firstPaintMs} ms, ` +
        `rows in DOM ${inDom}, scroll to end ${scrollMs} ms, frames ${gaps.length}, p95 gap ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
  } finally {
    await host.dispose();
  }
});

test('10,000 rows by keyboard: the cursor row stays in the DOM and in view, announced with its place in the list', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-queue-keys-'));
  writeStore(dataDir, BIG);
  const host = await WebHost.start(dataDir);
  try {
    const newsdesk = new NewsdeskPage(page, host);
    await newsdesk.open();
    const queue = new QueueModel(page, host);
    const total = BIG - BIG / ARTICLE_STATES.length;
    await expect(queue.list).toHaveAttribute('data-rows', String(total));
    await expect(queue.list).toHaveAttribute('role', 'listbox');
    await expect(queue.list).toHaveAttribute('aria-multiselectable', 'true');

    /** The row aria-activedescendant names: it must exist, lie inside the list's box, and say where it is. */
    const expectCursorAt = async (index: number) => {
      const id = await queue.list.getAttribute('aria-activedescendant');
      expect(id, 'aria-activedescendant').toBeTruthy();
      const row = page.locator(`[id="${id}"]`);
      await expect(row).toHaveCount(1);
      await expect(row).toHaveAttribute('role', 'option');
      await expect(row).toHaveAttribute('data-index', String(index));
      await expect(row).toHaveAttribute('aria-posinset', String(index + 1));
      await expect(row).toHaveAttribute('aria-setsize', String(total));
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await expect(row).toHaveClass(/nd-row-focus/);
      const [listBox, rowBox] = [await queue.list.boundingBox(), await row.boundingBox()];
      expect(rowBox!.y).toBeGreaterThanOrEqual(listBox!.y - 1);
      expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(listBox!.y + listBox!.height + 1);
      // Every drawn row says where it is; rows not under the cursor say they are not selected.
      const others = page.locator('[data-testid="article-row"][aria-selected="false"]');
      expect(await others.count()).toBeGreaterThan(5);
      await expect(others.first()).toHaveAttribute('aria-setsize', String(total));
    };

    // Focusing the list gives the first row in view the cursor (no selection yet), so there is something to announce.
    await queue.list.focus();
    const first = page.locator(`[id="${await queue.list.getAttribute('aria-activedescendant')}"]`);
    await expect(first).toHaveAttribute('data-index', '0');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    // Visible focus: a solid outline on the cursor row while the list has focus.
    expect(await first.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');

    for (let i = 0; i < 25; i += 1) await page.keyboard.press('ArrowDown');
    await expectCursorAt(25);
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('PageDown');
    await expectCursorAt(325);
    await page.keyboard.press('End');
    await expectCursorAt(total - 1);
    await page.keyboard.press('PageUp');
    await expectCursorAt(total - 11);
    await page.keyboard.press('Home');
    await expectCursorAt(0);

    // Scrolled away by wheel, the cursor row is still in the DOM (aria-activedescendant must not dangle).
    await page.keyboard.press('PageDown');
    const box = await queue.list.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    for (let i = 0; i < 20; i += 1) await page.mouse.wheel(0, 2_000);
    await expect.poll(() => queue.list.evaluate((element) => element.scrollTop)).toBeGreaterThan(20_000);
    const id = await queue.list.getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${id}"]`)).toHaveAttribute('data-index', '10');
    expect(await queue.rows.count()).toBeLessThan(80);
    // The next key brings it back into view.
    await page.keyboard.press('ArrowDown');
    await expectCursorAt(11);
  } finally {
    await host.dispose();
  }
});

test('a save updates its row from the change event: the queue does not list every article again', async ({ page, newsdesk }) => {
  await newsdesk.createArticle();
  const listings: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/articles.list')) listings.push(request.url());
  });
  await page.getByTestId('title-input').fill('Cửa Lò đón khách');
  await expect(newsdesk.rows.filter({ hasText: 'Cửa Lò đón khách' })).toHaveCount(1);
  await newsdesk.createArticle();
  await expect(newsdesk.rows).toHaveCount(2);
  expect(listings).toEqual([]);
});
