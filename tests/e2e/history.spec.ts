import { expect, test } from './fixtures';
import type { WebHost } from './WebHost';

async function storedBody(host: WebHost, request: import('@playwright/test').APIRequestContext): Promise<string> {
  const headers = { 'x-newsdesk-token': host.token, 'content-type': 'application/json' };
  const list = (await (await request.post(`${host.origin}/api/articles.list`, { headers, data: {} })).json()) as {
    value: { id: string }[];
  };
  const id = list.value[0]?.id;
  if (!id) return '';
  const got = (await (await request.post(`${host.origin}/api/articles.get`, { headers, data: { id } })).json()) as { value: { body: unknown } };
  return JSON.stringify(got.value.body);
}
import { HistoryModel } from './models/HistoryModel';

test('history: browse versions, see a Vietnamese word diff, restore as a new version', async ({ newsdesk, page, host }) => {
  const history = new HistoryModel(page);
  await newsdesk.createArticle();
  await newsdesk.body.click();
  // The first save after creation is kept as a version.
  await page.keyboard.insertText('Bãi biển Cửa Lò đông khách');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bãi biển Cửa Lò đông khách');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Bãi biển Cua Lo vắng khách');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bãi biển Cua Lo vắng khách');
  await newsdesk.expectSaved();

  await history.button.click();
  await expect(history.panel).toBeVisible();
  await expect(history.versions).toHaveCount(1);
  await history.versions.first().click();
  await expect(history.diff.locator('del')).toHaveText(['Cửa Lò đông']);
  await expect(history.diff.locator('ins')).toHaveText(['Cua Lo vắng']);
  await expect(history.diff).toContainText('Bãi biển');

  await history.restore.click();
  await expect(history.panel).toBeHidden();
  await expect(newsdesk.body).toHaveText('Bãi biển Cửa Lò đông khách');
  await newsdesk.expectSaved();

  // Nothing destroyed: the replaced text is a version too, and the restore is the newest.
  await history.button.click();
  await expect(history.versions).toHaveCount(3);
  await expect(history.versions.first()).toContainText('Khôi phục từ bản 2');
  await history.versions.nth(1).click();
  await expect(history.diff.locator('del')).toHaveText(['Cua Lo vắng']);

  await page.reload();
  await newsdesk.openRow(0);
  await expect(newsdesk.body).toHaveText('Bãi biển Cửa Lò đông khách');
});

test('restore with unsaved text: the typed text is saved as a version first, then the older version comes back', async ({ newsdesk, page, host }) => {
  const history = new HistoryModel(page);
  const id = await newsdesk.createArticle();
  await newsdesk.body.click();
  await page.keyboard.insertText('Phiên bản đầu của bài');
  await expect.poll(() => storedBody(host, page.request)).toContain('Phiên bản đầu của bài');
  await newsdesk.expectSaved();

  // The page's clock stops: the editor's serialise and autosave timers cannot fire, so the text
  // typed next is certainly unsaved when Restore is pressed (the old behaviour: Restore disabled).
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1_000);
  await newsdesk.body.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' và đoạn viết thêm chưa lưu');
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'dirty');
  await history.button.click();
  await history.version(2).click();
  await expect(history.restore).toBeEnabled();
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'dirty');
  await history.restore.click();

  await expect(history.panel).toBeHidden();
  await expect(newsdesk.body).toHaveText('Phiên bản đầu của bài');
  await newsdesk.expectSaved();
  await page.clock.resume();

  // The typed text is a version of its own, kept just before the restore.
  const headers = { 'x-newsdesk-token': host.token, 'content-type': 'application/json' };
  const versions = (await (await page.request.post(`${host.origin}/api/history.list`, { headers, data: { id } })).json()) as {
    value: { rev: number; reason: string }[];
  };
  expect(versions.value.map((v) => v.reason)).toEqual(['restore', 'before-restore', 'edit']);
  const kept = versions.value[1]!.rev;
  const snapshot = (await (await page.request.post(`${host.origin}/api/history.get`, { headers, data: { id, rev: kept } })).json()) as {
    value: { article: { body: unknown } };
  };
  expect(JSON.stringify(snapshot.value.article.body)).toContain('Phiên bản đầu của bài và đoạn viết thêm chưa lưu');

  // As the writer sees it: the list shows it, its diff holds the typed words, and restoring it undoes the restore.
  await history.button.click();
  await expect(history.versions).toHaveCount(3);
  await expect(history.version(kept)).toContainText('Trước khi khôi phục');
  await history.version(kept).click();
  await expect(history.diff.locator('del')).toHaveText(['và đoạn viết thêm chưa lưu']);
  await history.restore.click();
  await expect(history.panel).toBeHidden();
  await expect(newsdesk.body).toHaveText('Phiên bản đầu của bài và đoạn viết thêm chưa lưu');
  await newsdesk.expectSaved();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('while a restore is under way the editor takes no input: the text reloads at the restored version, so nothing typed meanwhile is lost', async ({
  newsdesk,
  page,
  host,
}) => {
  const history = new HistoryModel(page);
  await newsdesk.createArticle();
  await newsdesk.body.click();
  await page.keyboard.insertText('Bản một');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bản một');
  await newsdesk.expectSaved();
  await page.keyboard.insertText(', bản hai');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bản một, bản hai');
  await newsdesk.expectSaved();

  // The restore request is held at the network until the test lets it go.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/history.restore', async (route) => {
    await gate;
    await route.continue();
  });
  await history.button.click();
  await history.version(2).click();
  await history.restore.click();
  await expect(page.getByTestId('history-restoring')).toBeVisible();
  // The writer goes back to the text and types: the keys are not taken, rather than taken and lost.
  await newsdesk.body.click({ force: true, position: { x: 12, y: 8 } });
  await page.keyboard.type('XYZ');
  await newsdesk.title.click({ force: true, position: { x: 12, y: 8 } });
  await page.keyboard.type('XYZ');
  await expect(newsdesk.body).not.toContainText('XYZ');
  await expect(newsdesk.title).not.toHaveValue(/XYZ/);

  release();
  await expect(history.panel).toBeHidden();
  await expect(newsdesk.body).toHaveText('Bản một');
  await newsdesk.body.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' mới');
  await expect.poll(() => storedBody(host, page.request)).toContain('Bản một mới');
  await newsdesk.expectSaved();
});
