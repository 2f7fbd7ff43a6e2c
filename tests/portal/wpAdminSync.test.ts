// A synced post edited by a web editor in wp-admin's block editor (headless Chromium, signed in with
// a login password as a person would be), while the author's laptop (the app's own services) syncs
// it: a save that changes nothing loses nothing on the laptop (not the photos' camera file names
// either, which only the laptop keeps), edits of different paragraphs merge, and an edit of the
// paragraph the author also changed offline waits for the author's choice. An edit over REST (the
// lead) is taken the same way.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf } from '../../src/main/services/sync/SyncContext';
import { headingNode, paragraphNode, quoteNode, textNode } from '../../src/shared/content/serializedNodes';
import { syncKeyOf } from '../../src/shared/content/syncMarker';
import type { Article, LexicalState } from '../../src/shared/model/Article';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { blockTexts, bodyOf, photoFigure } from './harness/newsroomFixtures';
import { openInBlockEditor } from './harness/openInBlockEditor';
import { portalSkipReason } from './harness/portalSkipReason';
import { startSyncClient, type SyncClient } from './harness/syncClient';
import { startWordPress, type WordPress } from './harness/startWordPress';

interface RestPost {
  id: number;
  content: { raw: string };
}
interface Figure {
  type: 'figure';
  assetId: string;
  caption: string;
  alt: string;
  credit: string;
  sourceName?: string;
}

const TITLE = 'Cửa Lò tổ chức hội nghị giao ban công tác thông tin quý III';
const P = {
  opening: 'Sáng 28/9, UBND thị xã Cửa Lò tổ chức hội nghị giao ban trực tuyến với các phường, xã.',
  middle: 'Trong quý III, các đơn vị đã đăng tải hơn 320 tin, bài về hoạt động của địa phương.',
  closing: 'Đồng chí Trưởng phòng đề nghị các phường cập nhật thông tin kịp thời, chính xác.',
};
const EDITOR_OPENING = 'Sáng 28/9, UBND thị xã Cửa Lò tổ chức hội nghị giao ban trực tuyến với 12 phường, xã (biên tập viên sửa).';
const AUTHOR_CLOSING = 'Đồng chí Trưởng phòng đề nghị các phường cập nhật thông tin hằng tuần (phóng viên bổ sung).';
const AUTHOR_CLOSING_AGAIN = 'Đồng chí Trưởng phòng yêu cầu các phường gửi tin trước 17 giờ thứ Sáu (phóng viên sửa lần hai).';
const EDITOR_CLOSING = 'Đồng chí Trưởng phòng yêu cầu các phường gửi tin, ảnh trước thứ Sáu hằng tuần (biên tập viên chốt).';

const skip = portalSkipReason();
const editorPassword = randomBytes(18).toString('hex');
let wp: WordPress;
let browser: Browser;
/** The web editor's browser session, signed in through wp-login.php once. */
let session: BrowserContext;
let author: SyncClient;
let article: Article;
let postId: number;
let figures: Figure[];
let categoryId: number;

async function signInToWpAdmin(): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${wp.baseUrl}/wp-login.php`);
  await page.fill('#user_login', wp.users.editor.login);
  await page.fill('#user_pass', editorPassword);
  await Promise.all([page.waitForURL(/\/wp-admin\/?$/), page.click('#wp-submit')]);
  await page.close();
  return context;
}

/**
 * The web editor opens the post in the block editor, replaces the text of the paragraph that says
 * `from` (when given) as typing there would (the paragraph block's `content`), and saves with the
 * editor's own savePost, which serialises every block again.
 */
async function editInWpAdmin(change?: { from: string; to: string }): Promise<void> {
  const page = await session.newPage();
  try {
    await openInBlockEditor(page, wp, postId);
    const outcome = await page.evaluate(async (wanted) => {
      interface Block { clientId: string; name: string; isValid: boolean; attributes: { content?: string } }
      const data = (window as unknown as { wp: { data: { select(store: string): Record<string, (...args: unknown[]) => unknown>; dispatch(store: string): Record<string, (...args: unknown[]) => unknown> } } }).wp.data;
      const blocks = data.select('core/block-editor').getBlocks!() as Block[];
      const invalid = blocks.filter((block) => !block.isValid).map((block) => block.name);
      if (wanted) {
        const target = blocks.find((block) => block.name === 'core/paragraph' && block.attributes.content === wanted.from);
        if (!target) return { invalid, found: false, saved: false };
        data.dispatch('core/block-editor').updateBlockAttributes!(target.clientId, { content: wanted.to });
      }
      await data.dispatch('core/editor').savePost!();
      return { invalid, found: true, saved: data.select('core/editor').didPostSaveRequestSucceed!() as boolean };
    }, change ?? null);
    expect(outcome).toEqual({ invalid: [], found: true, saved: true });
  } finally {
    await page.close();
  }
}

async function portalContent(): Promise<string> {
  const response = await wp.rest(wp.users.editor, 'GET', `/wp/v2/posts/${postId}`, { query: { context: 'edit' } });
  expect(response.status).toBe(200);
  return (response.body as RestPost).content.raw;
}

/** Posts on the portal carrying this article's key, every status. */
async function postsWithKey(key: string): Promise<number[]> {
  const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', {
    query: { context: 'edit', search: key, status: 'draft,pending,future,publish,private,trash', per_page: 100 },
  });
  expect(response.status).toBe(200);
  return (response.body as RestPost[]).filter((post) => post.content.raw.includes(key)).map((post) => post.id);
}

async function mediaCount(): Promise<number> {
  const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/media', { query: { per_page: 1 } });
  expect(response.status).toBe(200);
  return Number(response.headers.get('x-wp-total'));
}

function figuresOf(body: LexicalState): Figure[] {
  return body.root.children.filter((block) => (block as { type?: string }).type === 'figure') as unknown as Figure[];
}

/** The article's body with the paragraph saying `from` saying `to` instead. */
function withParagraph(current: Article, from: string, to: string): LexicalState {
  const texts = blockTexts(current.body);
  const at = texts.indexOf(from);
  expect(at, `no paragraph “${from}” in ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(0);
  const children = [...current.body.root.children];
  children[at] = paragraphNode([textNode(to)]);
  return { ...current.body, root: { ...current.body.root, children } };
}

const syncOf = () => author.services.sync.articleSyncs().find((item) => item.articleId === article.id)!;

describe.skipIf(skip !== null)('a synced post edited in wp-admin’s block editor (real WordPress, Chromium)', () => {
  beforeAll(async () => {
    wp = await startWordPress({ editorPassword });
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    session = await signInToWpAdmin();

    // The portal's categories are the newsroom's (an author may assign them, not make them).
    const category = await wp.rest(wp.users.editor, 'POST', '/wp/v2/categories', { json: { name: 'Thời sự' } });
    expect(category.status).toBe(201);
    categoryId = (category.body as { id: number }).id;

    author = await startSyncClient(wp, wp.users.author, { name: 'author-wpadmin' });
    await author.signIn();
    const hoiNghi = await photoFigure(author.services, 26, 'Điểm cầu tại Sở Thông tin và Truyền thông', 'Ảnh: Trần Thị Mai');
    const baiBien = await photoFigure(author.services, 27, 'Du khách tắm biển Cửa Lò sáng 30/4', 'Ảnh: Lê Văn Nam');
    const created = await author.services.articles.create({}, { createdBy: author.user.login });
    const written = await author.services.articles.save(created.id, created.rev, {
      title: TITLE,
      lead: 'Hội nghị đánh giá công tác thông tin tuyên truyền quý III và bàn nhiệm vụ quý IV.',
      byline: 'Nguyễn Văn Hùng',
      dateline: 'Cửa Lò, 28/9/2026',
      category: 'Thời sự',
      tags: ['Cửa Lò', 'giao ban'],
      body: bodyOf([
        paragraphNode([textNode(P.opening)]),
        headingNode('h2', [textNode('Hơn 320 tin, bài trong quý III')]),
        paragraphNode([textNode(P.middle)]),
        hoiNghi,
        quoteNode([textNode('Thông tin phải nhanh, nhưng trước hết phải chính xác.')]),
        baiBien,
        paragraphNode([textNode(P.closing)]),
      ]),
    });
    article = await author.services.lifecycle.transition({ id: written.id, to: 'submitted' });
    expect(await author.settle()).toBe(0);
    postId = syncOf().receipt!.postId;
    const pushed = await wp.rest(wp.users.editor, 'GET', `/wp/v2/posts/${postId}`, { query: { context: 'edit' } });
    expect(pushed.body).toMatchObject({ status: 'pending', categories: [categoryId] });
    article = await author.services.articles.get(article.id);
    figures = figuresOf(article.body);
    expect(figures.map((figure) => figure.sourceName)).toEqual(['IMG_4426', 'IMG_4427']);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await author?.dispose();
    await wp?.stop();
  });

  it('a save in the block editor that changes nothing loses nothing on the laptop: no conflict, no second post, no re-upload', async () => {
    const before = { ...author.services.sync.stats };
    const media = await mediaCount();
    const key = syncKeyOf(await portalContent())!;
    expect(await postsWithKey(key)).toEqual([postId]);

    await editInWpAdmin();
    const saved = await portalContent();
    // The save did rewrite the post (our block attributes are gone): the laptop has something to pull.
    expect(saved).not.toContain('ndSource');
    expect(await author.settle()).toBe(0);

    const back = await author.services.articles.get(article.id);
    expect(author.services.sync.stats.pulled).toBeGreaterThan(before.pulled);
    expect(contentOf(back)).toEqual(contentOf(article));
    expect(figuresOf(back.body)).toEqual(figures);
    expect(syncOf()).toMatchObject({ conflict: false, problem: null });
    expect(author.services.sync.stats).toMatchObject({ created: 1, uploaded: 2, conflicts: 0 });
    expect(await postsWithKey(key)).toEqual([postId]);
    expect(await mediaCount()).toBe(media);
    article = back;
  }, 90_000);

  it('an edit over REST by the editor (the lead) is taken on the laptop with the photos as they were', async () => {
    const lead = 'Hội nghị đánh giá công tác thông tin quý III, triển khai nhiệm vụ quý IV (biên tập viên sửa sapo).';
    const edited = await wp.rest(wp.users.editor, 'POST', `/wp/v2/posts/${postId}`, { json: { excerpt: lead } });
    expect(edited.status).toBe(200);
    expect(await author.settle()).toBe(0);
    const back = await author.services.articles.get(article.id);
    expect(contentOf(back)).toEqual({ ...contentOf(article), lead });
    expect(figuresOf(back.body)).toEqual(figures);
    expect(syncOf()).toMatchObject({ conflict: false, problem: null });
    article = back;
  }, 60_000);

  it('the editor’s paragraph (block editor) and the author’s offline paragraph both end up on the laptop and the portal', async () => {
    author.services.sync.setNetwork(false);
    const current = await author.services.articles.get(article.id);
    await author.services.articles.save(article.id, current.rev, { body: withParagraph(current, P.closing, AUTHOR_CLOSING) });
    await editInWpAdmin({ from: P.opening, to: EDITOR_OPENING });
    author.services.sync.setNetwork(true);
    expect(await author.settle()).toBe(0);

    const back = await author.services.articles.get(article.id);
    const texts = blockTexts(back.body);
    expect(texts[0]).toBe(EDITOR_OPENING);
    expect(texts[texts.length - 1]).toBe(AUTHOR_CLOSING);
    expect(figuresOf(back.body)).toEqual(figures);
    const portal = await portalContent();
    expect(portal).toContain(EDITOR_OPENING);
    expect(portal).toContain(AUTHOR_CLOSING);
    expect(portal).toContain(`ndSource`);
    expect(syncOf()).toMatchObject({ conflict: false, problem: null });
    expect(author.services.sync.stats).toMatchObject({ created: 1, uploaded: 2, conflicts: 0 });
    article = back;
  }, 90_000);

  it('the editor changing the paragraph the author changed offline stops the push; choosing the portal’s text finishes it', async () => {
    author.services.sync.setNetwork(false);
    const current = await author.services.articles.get(article.id);
    await author.services.articles.save(article.id, current.rev, { body: withParagraph(current, AUTHOR_CLOSING, AUTHOR_CLOSING_AGAIN) });
    await editInWpAdmin({ from: AUTHOR_CLOSING, to: EDITOR_CLOSING });
    author.services.sync.setNetwork(true);
    expect(await author.settle()).toBe(1);

    expect(syncOf().conflict).toBe(true);
    const item = author.services.sync.outbox().active.find((candidate) => candidate.articleId === article.id);
    expect(item).toMatchObject({ state: 'blocked', lastError: { code: 'SYNC_CONFLICT' } });
    // Nothing was decided for the author: the laptop keeps the author's text, the portal the editor's.
    expect(blockTexts((await author.services.articles.get(article.id)).body)).toContain(AUTHOR_CLOSING_AGAIN);
    expect(await portalContent()).toContain(EDITOR_CLOSING);
    const conflicts = author.services.sync.conflict(article.id).merge.body.filter((chunk) => chunk.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    if (conflict?.kind !== 'conflict') throw new Error('no conflict chunk');
    expect(blockTexts(bodyOf(conflict.local as never))).toEqual([AUTHOR_CLOSING_AGAIN]);
    expect(blockTexts(bodyOf(conflict.remote as never))).toEqual([EDITOR_CLOSING]);

    await author.services.sync.resolve(article.id, { [conflict.id]: 'remote' });
    expect(await author.settle()).toBe(0);
    const back = await author.services.articles.get(article.id);
    const texts = blockTexts(back.body);
    expect(texts[0]).toBe(EDITOR_OPENING);
    expect(texts[texts.length - 1]).toBe(EDITOR_CLOSING);
    expect(texts).not.toContain(AUTHOR_CLOSING_AGAIN);
    expect(figuresOf(back.body)).toEqual(figures);
    expect(syncOf()).toMatchObject({ conflict: false, problem: null });
    expect(author.services.sync.outbox().active.filter((candidate) => candidate.articleId === article.id)).toEqual([]);
    const portal = await portalContent();
    expect(portal).toContain(EDITOR_CLOSING);
    expect(portal).not.toContain(AUTHOR_CLOSING_AGAIN);
    expect(author.services.sync.stats).toMatchObject({ created: 1, uploaded: 2 });
  }, 90_000);
});
