import sharp from 'sharp';
import type { PortalRole, WordPress } from '../portal/harness/startWordPress';
import { ArticleWriter, type StoryPhoto, type StoryText } from './models/ArticleWriter';
import type { NewsdeskPage } from './models/NewsdeskPage';
import { PortalPosts } from './models/PortalPosts';
import { QueueModel } from './models/QueueModel';
import { SyncModel } from './models/SyncModel';
import { expect, portalSkip, test } from './portalFixtures';

// The portal story as a writer lives it, in Chromium against the harness's real WordPress: sign
// in with an application password, write, submit, watch the outbox until the portal's receipt,
// and a conflict chosen block by block. The portal is checked over REST, never through the app.
// The service-level cases (faults, two laptops, wp-admin) are in tests/portal.

test.skip(portalSkip !== null, `harness WordPress unavailable: ${portalSkip}`);
// A push goes after the 2 s quiet time, then title, terms, photo and post: slow on a loaded machine.
test.setTimeout(180_000);
const PORTAL = { timeout: 60_000 };

let seed = 0;
/** Titles no other test (nor an earlier run on this worker's portal) uses: a post is found by its title. */
function unique(title: string): string {
  seed += 1;
  return `${title} (${process.pid}-${seed})`;
}

async function photo(name: string): Promise<StoryPhoto> {
  seed += 1;
  const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: (seed * 53) % 256, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
  return { name, jpeg, caption: `Du khách tắm biển Cửa Lò sáng sớm, ảnh ${seed}`, alt: 'Bãi biển Cửa Lò đông người', credit: 'Lê Minh' };
}

function story(title: string): StoryText {
  return {
    title: unique(title),
    lead: 'Sáng 28/9, UBND thị xã Cửa Lò tổ chức hội nghị giao ban với các phường.',
    byline: 'Nguyễn Văn Hùng',
    paragraphs: [
      'Tham dự có đại diện các phường Nghi Thủy, Nghi Tân.',
      'Trong quý III, các đơn vị đăng hơn 320 tin, bài.',
      'Các phường cần cập nhật thông tin kịp thời.',
    ],
  };
}

/** Signs in through the account panel as one of the harness's users, and closes the panel. */
async function signInAs(sync: SyncModel, wp: WordPress, role: PortalRole): Promise<void> {
  await sync.signIn(wp.baseUrl, wp.users[role].login, wp.users[role].appPassword);
  await expect(sync.page.getByTestId('portal-account')).toBeVisible();
  await expect(sync.statusBar).toHaveAttribute('data-configured', 'true');
}

/** A new article written in the editor, with a photo, and submitted. */
async function writeAndSubmit(newsdesk: NewsdeskPage, text: StoryText, withPhoto: StoryPhoto): Promise<ArticleWriter> {
  const writer = new ArticleWriter(newsdesk.page);
  await newsdesk.createArticle();
  await writer.write(text, withPhoto);
  await writer.submit();
  return writer;
}

test('a wrong application password is refused with the translated reason, in Vietnamese and in English', async ({ newsdesk, page, wp }) => {
  const sync = new SyncModel(page);
  await sync.signIn(wp.baseUrl, wp.users.contributor.login, 'abcd EFGH 1234 ijkl MNOP 5678');
  await expect(sync.signInProblem).toHaveText('Tên đăng nhập hoặc mật khẩu ứng dụng không đúng, hoặc mật khẩu đã bị thu hồi.');
  await expect(sync.password).toHaveValue('');
  await expect(sync.accountButton).toHaveAttribute('data-signed-in', 'false');
  await expect(sync.notConfigured).toBeVisible();

  await page.getByTestId('language').selectOption('en');
  await expect(sync.signInProblem).toHaveText('Wrong user name or application password, or the password was revoked.');
  // Once more in English: the answer is the portal's 401 again, not a leftover of the first try.
  await sync.signIn(wp.baseUrl, wp.users.contributor.login, 'wrong wrong wrong wrong');
  await expect(sync.signInProblem).toHaveText('Wrong user name or application password, or the password was revoked.');
  await expect(sync.notConfigured).toHaveText('Not connected to a portal — articles are kept on this laptop only');
});

test('a reporter signs in, the portal decides the role; the article goes up as one pending post while its photo waits in the outbox', async ({
  newsdesk,
  page,
  wp,
}) => {
  const sync = new SyncModel(page);
  const portal = new PortalPosts(wp);
  await signInAs(sync, wp, 'contributor');
  await expect(sync.accountRole).toHaveAttribute('data-role', 'reporter');
  await expect(sync.accountRole).toHaveText('Phóng viên — theo vai trò trên cổng: contributor');
  await expect(sync.noUploadWarning).toContainText('ảnh sẽ chờ trong hộp thư đi');
  await page.getByTestId('language').selectOption('en');
  await expect(sync.accountRole).toHaveText('Reporter — from the portal’s role: contributor');
  await expect(sync.noUploadWarning).toContainText('they wait in the outbox');
  await page.getByTestId('language').selectOption('vi');
  await sync.closeAccount();
  // The local role picker gives way to the portal's answer.
  await expect(page.getByTestId('profile-button')).toHaveAttribute('data-role', 'reporter');
  await page.getByTestId('profile-button').click();
  await expect(page.getByTestId('profile-role')).toBeDisabled();
  await page.keyboard.press('Escape');

  const text = story('Cửa Lò giao ban công tác thông tin quý III');
  const picture = await photo('IMG_4426.jpg');
  await writeAndSubmit(newsdesk, text, picture);

  // The text reaches the portal; the photo cannot (a contributor may not upload): the outbox
  // holds it, says why, and the status bar counts it as blocked, not as sent.
  await expect(sync.blocked, 'the photo waits, blocked').toHaveAttribute('data-count', '1', PORTAL);
  await expect(sync.waiting).toHaveAttribute('data-count', '0');
  // The editor says what the portal said of the text, and that more (the photo) still waits.
  const badge = sync.badgeIn(sync.editorStatus);
  await expect(badge).toHaveText('Đã gửi lên cổng (chờ duyệt) · thay đổi mới đang chờ (hộp thư đi) Mở trên cổng');
  const posts = await portal.titled(text.title);
  expect(posts, 'exactly one post on the portal').toHaveLength(1);
  await expect(badge.getByTestId('portal-link')).toHaveAttribute('href', posts[0]!.link);
  await sync.openOutbox();
  const item = sync.outboxItem(text.title);
  await expect(item).toHaveAttribute('data-state', 'blocked');
  await expect(item.getByTestId('outbox-error')).toHaveText('Lỗi: Cổng thông tin từ chối: tài khoản của bạn không có quyền làm việc này.');
  await page.getByTestId('language').selectOption('en');
  await expect(item.getByTestId('outbox-error')).toHaveText('Error: The portal refused: your account may not do this.');
  await sync.closeOutbox();

  expect(posts[0]).toMatchObject({ status: 'pending', author: wp.users.contributor.id });
  expect(posts[0]!.content.raw).toContain(text.paragraphs[1]);
  expect(posts[0]!.content.raw, 'no image block without its upload').not.toMatch(/wp-image-\d+/);
  expect(await portal.mediaCaptioned(wp.users.contributor, picture.caption)).toHaveLength(0);
  // Nothing was lost here: the photo is still in the article.
  await expect(page.getByTestId('figure').getByTestId('figure-caption')).toHaveValue(picture.caption);
});

test('a photographer submits an article with a photo; the outbox shows the portal’s receipt, and the portal has the post once with its photo', async ({
  newsdesk,
  page,
  wp,
}) => {
  const sync = new SyncModel(page);
  const portal = new PortalPosts(wp);
  await signInAs(sync, wp, 'author');
  await expect(sync.accountRole).toHaveAttribute('data-role', 'photographer');
  await expect(sync.accountRole).toHaveText('Phóng viên ảnh — theo vai trò trên cổng: author');
  await expect(sync.noUploadWarning).toHaveCount(0);
  await sync.closeAccount();

  const text = story('Phường Thu Thủy ra mắt mô hình khu dân cư xanh');
  const picture = await photo('IMG_4427.jpg');
  await writeAndSubmit(newsdesk, text, picture);

  // The status bar follows the push until nothing waits and a sync time is shown.
  await expect(sync.badgeIn(sync.editorStatus)).toHaveText('Đã gửi lên cổng (chờ duyệt) Mở trên cổng', PORTAL);
  await expect(sync.waiting).toHaveAttribute('data-count', '0');
  await expect(sync.blocked).toHaveAttribute('data-count', '0');
  await expect(sync.lastSync).toHaveText(/^Đồng bộ lần cuối: /);

  await sync.openOutbox();
  const item = sync.outbox.getByTestId('outbox-recent').getByTestId('outbox-item').filter({ hasText: text.title });
  await expect(item).toHaveAttribute('data-state', 'done');
  const receipt = item.getByTestId('outbox-receipt');
  await expect(receipt).toHaveText(/^Bài số \d+ trên cổng: Chờ duyệt · Mở bài trên cổng · Cổng ghi nhận lúc /);
  const postId = Number(/Bài số (\d+)/.exec((await receipt.textContent()) ?? '')?.[1]);

  const posts = await portal.titled(text.title);
  expect(posts, 'exactly one post on the portal').toHaveLength(1);
  const post = posts[0]!;
  expect(post).toMatchObject({ id: postId, status: 'pending', author: wp.users.author.id });
  // The receipt's link is the portal's own link for that post.
  await expect(item.getByTestId('outbox-link')).toHaveAttribute('href', post.link);
  await expect(sync.outbox.getByTestId('outbox-active-empty')).toBeVisible();
  await sync.closeOutbox();

  const media = await portal.mediaCaptioned(wp.users.author, picture.caption);
  expect(media, 'the photo uploaded once').toHaveLength(1);
  expect(media[0]!.alt_text).toBe(picture.alt);
  expect(post.content.raw).toContain(`wp-image-${media[0]!.id}`);
  for (const paragraph of text.paragraphs) expect(post.content.raw).toContain(paragraph);
});

test('edited on the portal and here at once: the conflict view shows both, the writer chooses per block, and the portal ends with the choice', async ({
  newsdesk,
  page,
  host,
  wp,
}) => {
  const sync = new SyncModel(page);
  const queue = new QueueModel(page, host);
  const writer = new ArticleWriter(page);
  const portal = new PortalPosts(wp);
  await signInAs(sync, wp, 'contributor');
  await sync.closeAccount();

  const text = story('Cửa Lò tăng cường kiểm tra an toàn thực phẩm');
  await newsdesk.createArticle();
  await writer.write(text);
  await writer.submit();
  await expect(sync.badgeIn(sync.editorStatus)).toHaveAttribute('data-status', 'pending', PORTAL);
  const [post] = await portal.titled(text.title);
  expect(post).toBeDefined();

  // This laptop goes offline; the writer edits paragraphs 1 and 3 while the editor edits the
  // same two paragraphs on the portal. Neither has seen the other's change.
  await sync.osNetwork(false);
  await expect(sync.network).toHaveText('Ngoại tuyến');
  const mine = ['Có 35 đại biểu của các phường Nghi Thủy, Nghi Tân.', 'Các phường cập nhật tin hằng tuần (phóng viên).'];
  const theirs = ['Tham dự có lãnh đạo phòng Văn hoá – Thông tin.', 'Biên tập: các phường cập nhật tin mỗi ngày.'];
  await writer.retype(text.paragraphs[0]!, mine[0]!);
  await writer.retype(text.paragraphs[2]!, mine[1]!);
  await writer.expectSaved();
  await expect(sync.badgeIn(sync.editorStatus)).toContainText('thay đổi mới đang chờ (hộp thư đi)');
  await portal.editAsEditor(post!.id, [
    [text.paragraphs[0]!, theirs[0]!],
    [text.paragraphs[2]!, theirs[1]!],
  ]);

  await sync.osNetwork(true);
  const badge = sync.badgeIn(sync.editorStatus);
  await expect(badge).toHaveText('Xung đột — chọn bản', PORTAL);
  // Nothing was decided for the writer: the editor still shows their own text, the portal the editor's.
  await expect(writer.paragraphs.filter({ hasText: mine[0]! })).toHaveCount(1);
  expect((await portal.get(post!.id)).content.raw).toContain(theirs[0]);

  await badge.click();
  await expect(sync.conflictView).toBeVisible();
  const first = sync.conflictPair(mine[0]!);
  const second = sync.conflictPair(mine[1]!);
  await expect(first).toContainText(theirs[0]!);
  await expect(second).toContainText(theirs[1]!);
  await expect(sync.conflictView.getByTestId('conflict-left')).toHaveAttribute('data-count', '2');
  await expect(sync.conflictView.getByTestId('conflict-apply')).toBeDisabled();
  await first.getByTestId('conflict-choice-remote').check();
  await second.getByTestId('conflict-choice-local').check();
  await expect(sync.conflictView.getByTestId('conflict-left')).toHaveCount(0);
  await sync.conflictView.getByTestId('conflict-apply').click();
  await expect(sync.conflictView).toHaveCount(0);

  // Here: the editor's paragraph 1 and the writer's paragraph 3, the other two gone.
  await expect(writer.paragraphs).toHaveText([theirs[0]!, text.paragraphs[1]!, mine[1]!]);
  // There: the same, once the push that follows the choice is acknowledged.
  await expect(badge).toHaveAttribute('data-status', 'pending', PORTAL);
  await expect(badge).toHaveText('Đã gửi lên cổng (chờ duyệt) Mở trên cổng');
  const raw = (await portal.get(post!.id)).content.raw;
  expect(raw).toContain(theirs[0]);
  expect(raw).toContain(mine[1]);
  expect(raw).not.toContain(mine[0]);
  expect(raw).not.toContain(theirs[1]);
  expect(await portal.titled(text.title), 'still one post').toHaveLength(1);
  await expect(queue.row(text.title)).toHaveCount(1);
});
