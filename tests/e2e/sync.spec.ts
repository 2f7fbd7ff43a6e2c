import { expect, test } from './fixtures';
import { QueueModel } from './models/QueueModel';
import { SyncModel } from './models/SyncModel';

// What the portal side of the app does with no portal at all (architecture rule 9: nothing is
// claimed that the portal did not say). Signing in to a real WordPress is tested in tests/portal.

test('not signed in, the status bar says the articles stay on this laptop, in either language', async ({ newsdesk, page }) => {
  const sync = new SyncModel(page);
  await expect(sync.notConfigured).toHaveText('Chưa kết nối cổng — bài chỉ lưu trên máy này');
  await expect(sync.statusBar).toHaveAttribute('data-configured', 'false');
  await page.getByTestId('language').selectOption('en');
  await expect(sync.notConfigured).toHaveText('Not connected to a portal — articles are kept on this laptop only');
});

test('an editor publishes with no portal: the queue, its chip and the editor say "published — no portal", never plain "published"', async ({
  newsdesk,
  page,
}) => {
  const queue = new QueueModel(page, newsdesk.host);
  const sync = new SyncModel(page);
  await queue.setProfile('Nguyễn Văn Hùng', 'editor');
  const title = 'Cửa Lò tổ chức hội nghị giao ban quý III';
  const article = await queue.createComplete(title, { lead: 'Sáng 2/12, UBND thị xã Cửa Lò tổ chức hội nghị giao ban quý III.' });
  for (const to of ['submitted', 'in_review', 'approved'] as const) await queue.api('articles.transition', { id: article.id, to });

  await queue.row(title).click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'approved');
  await queue.transition('publish').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'published');

  const honest = 'Đã đăng (chỉ trên máy) — chưa có cổng';
  await expect(sync.badgeIn(queue.articleState)).toHaveText(honest);
  await expect(sync.badgeIn(queue.row(title))).toHaveText(honest);
  await expect(sync.badgeIn(queue.row(title))).toHaveAttribute('data-kind', 'localOnly');
  await expect(sync.badgeIn(page.getByTestId('editor-portal-status'))).toHaveText(honest);
  // The plain claim is nowhere: not on the row, not on the editor's chip.
  await expect(queue.row(title).locator('.nd-state-published')).toHaveCount(0);
  await expect(queue.articleState).not.toHaveText('Đã đăng');
  await expect(page.getByTestId('state-chip-unconfirmed-published')).toHaveText(/1 chưa lên cổng/);

  // After a reload too: it is the article's stored state against the portal's (absent) answer.
  await page.reload();
  await expect(sync.badgeIn(queue.row(title))).toHaveText(honest);
});

test('signing in to a portal that does not answer shows the translated reason and leaves the password field empty', async ({ newsdesk, page }) => {
  const sync = new SyncModel(page);
  await sync.signIn('http://127.0.0.1:9', 'hung.nv', 'abcd EFGH 1234 ijkl MNOP 5678');
  await expect(sync.signInProblem).toHaveText(
    'Không kết nối được cổng thông tin (mất mạng hoặc máy chủ không trả lời). Bài vẫn được giữ trong hộp thư đi.',
  );
  await expect(sync.password).toHaveValue('');
  await expect(sync.password).toHaveAttribute('type', 'password');
  await expect(sync.password).toHaveAttribute('autocomplete', 'off');
  await expect(sync.notConfigured).toBeVisible();
  await expect(sync.accountButton).toHaveAttribute('data-signed-in', 'false');
  // The local role picker still decides: no portal answered.
  await page.getByTestId('profile-button').click();
  await expect(page.getByTestId('profile-role')).toBeEnabled();
});

test('the browser’s offline and online events reach the sync service and come back in the status bar', async ({ newsdesk, page }) => {
  const sync = new SyncModel(page);
  await expect(sync.network).toHaveAttribute('data-online', 'true');
  await sync.osNetwork(false);
  await expect(sync.network).toHaveText('Ngoại tuyến');
  await sync.osNetwork(true);
  await expect(sync.network).toHaveText('Trực tuyến');
});

test('Ctrl+Shift+S with no portal says where to sign in; the outbox opens empty, Esc closes it and the keyboard goes back', async ({
  newsdesk,
  page,
}) => {
  const sync = new SyncModel(page);
  await expect(sync.notConfigured).toBeVisible();
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('sync-problem')).toContainText('Chưa đăng nhập cổng thông tin');

  const opener = page.getByTestId('open-outbox');
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(sync.outbox).toBeVisible();
  await expect(page.getByTestId('outbox-active-empty')).toHaveText('Không còn gì chờ gửi lên cổng.');
  await page.keyboard.press('Escape');
  await expect(sync.outbox).toHaveCount(0);
  await expect(opener).toBeFocused();
});
