// WordPressPortal against a real WordPress (Debian's 6.1 package, via the harness), set to the
// timezone a Vietnamese portal has (Asia/Ho_Chi_Minh, UTC+7) so that time filters are tested where
// site time and UTC differ. What is pinned here about WordPress itself:
// - A wrong application password or an unknown user still gets the REST index (200); users/me
//   answers 401 rest_not_logged_in (not incorrect_password), so sign-in reads as PORTAL_AUTH.
// - caption, alt_text and description given as query parameters of the raw-body POST /wp/v2/media
//   are applied in that same request: the marker exists from the first moment.
// - The media endpoint uses only the plain `filename` of Content-Disposition (our ASCII form).
// - Media search (`?search=`) covers the description (post_content).
// - kses (an author has no unfiltered_html) escapes `&` in a description to `&amp;`; alt text is kept.
// - A contributor may create tags over REST (assign_terms) but not categories (403 rest_cannot_create).
// - Term names are stored HTML-escaped ("&amp;"), and term search is a LIKE on the stored name.
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WordPressPortal } from '../../src/main/services/portal/WordPressPortal';
import type { PortalAccount, PostFields } from '../../src/main/services/portal/Portal';
import { syncMarker, withSyncMarker } from '../../src/shared/content/syncMarker';
import { isNewsdeskError, type ErrorCode, type NewsdeskError } from '../../src/shared/errors';
import { portalSkipReason } from './harness/portalSkipReason';
import { PORTAL_FLAVOUR, PORTAL_ROLES, startWordPress, WITH_PLUGIN, type PortalRole, type WordPress } from './harness/startWordPress';

const skip = portalSkipReason();
let wp: WordPress;
const portals = {} as Record<PortalRole, WordPressPortal>;
const accounts = {} as Record<PortalRole, PortalAccount>;

const TITLE = 'Cửa Lò tổ chức hội nghị giao ban quý III';
const EXCERPT = 'Sáng 30/9, UBND thị xã Cửa Lò tổ chức hội nghị giao ban trực tuyến với các phường.';
const BODY = '<!-- wp:paragraph -->\n<p>Ông Nguyễn Văn Hùng, Chủ tịch UBND thị xã, chủ trì hội nghị. Điểm cầu tại Sở Thông tin và Truyền thông.</p>\n<!-- /wp:paragraph -->';

function key(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<NewsdeskError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isNewsdeskError(caught)) throw new Error(`expected ${code}, got ${String(caught)}`);
  expect(caught.code, JSON.stringify(caught.details)).toBe(code);
  for (const user of Object.values(wp.users)) {
    expect(caught.message).not.toContain(user.appPassword);
    expect(JSON.stringify(caught.details)).not.toContain(user.appPassword);
  }
  return caught;
}

function signIn(role: PortalRole, options: { appPassword?: string; username?: string } = {}) {
  return WordPressPortal.signIn({
    siteUrl: wp.baseUrl,
    username: options.username ?? wp.users[role].login,
    appPassword: options.appPassword ?? wp.users[role].appPassword,
  });
}

function pending(fields: Partial<PostFields>): PostFields {
  return { title: TITLE, content: BODY, excerpt: EXCERPT, status: 'pending', ...fields };
}

/** WordPress stamps times to the second: wait until the clock has moved to the next one. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

describe.skipIf(skip !== null)(`WordPressPortal (real WordPress)${PORTAL_FLAVOUR}`, () => {
  beforeAll(async () => {
    wp = await startWordPress({ plugin: WITH_PLUGIN });
    await wp.runPhp(`<?php require __DIR__ . '/wp-load.php'; update_option('timezone_string', 'Asia/Ho_Chi_Minh'); update_option('gmt_offset', '');`);
    for (const role of PORTAL_ROLES) {
      const signedIn = await signIn(role);
      portals[role] = signedIn.portal;
      accounts[role] = signedIn.account;
    }
  });
  afterAll(async () => {
    await wp?.stop();
  });

  describe('sign-in', () => {
    it('knows each test user, maps their role and says what they may do', () => {
      expect(accounts.contributor).toMatchObject({
        userId: wp.users.contributor.id,
        username: wp.users.contributor.login,
        roles: ['contributor'],
        role: 'reporter',
        // The plugin grants contributors upload_files, and makes users/me say so.
        can: { publish: false, uploadFiles: WITH_PLUGIN, editOthers: false, manageCategories: false },
      });
      expect(accounts.author).toMatchObject({
        userId: wp.users.author.id,
        roles: ['author'],
        role: 'photographer',
        can: { publish: true, uploadFiles: true, editOthers: false, manageCategories: false },
      });
      expect(accounts.editor).toMatchObject({
        userId: wp.users.editor.id,
        roles: ['editor'],
        role: 'editor',
        can: { publish: true, uploadFiles: true, editOthers: true, manageCategories: true },
      });
      expect(portals.editor.siteUrl).toBe(wp.baseUrl);
    });

    it('says whether the address is insecure: loopback http is not', async () => {
      const { insecure } = await signIn('editor');
      expect(insecure).toBe(false);
    });

    it('a wrong application password or an unknown user → PORTAL_AUTH', async () => {
      const wrong = await failure(signIn('editor', { appPassword: 'abcd efgh ijkl mnop qrst uvwx' }), 'PORTAL_AUTH');
      // WordPress 6.1 here: the index still answers 200, users/me says "not logged in".
      expect(wrong.details).toEqual({ status: 401, wpCode: 'rest_not_logged_in', route: '/wp/v2/users/me' });
      const unknown = await failure(signIn('editor', { username: 'khong-co-ai' }), 'PORTAL_AUTH');
      expect(unknown.details).toEqual({ status: 401, wpCode: 'rest_not_logged_in', route: '/wp/v2/users/me' });
    });

    it('a site that is not WordPress → PORTAL_NOT_WORDPRESS', async () => {
      const server: Server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
        response.end('<!DOCTYPE html><html><body><h1>Báo Nghệ An điện tử</h1></body></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        await failure(WordPressPortal.signIn({ siteUrl: `http://127.0.0.1:${port}`, username: 'a', appPassword: 'b' }), 'PORTAL_NOT_WORDPRESS');
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('REST switched off by a plugin (rest_authentication_errors → rest_disabled) → PORTAL_REST_DISABLED', async () => {
      const dir = join(wp.siteDir, 'wp-content', 'mu-plugins');
      const file = join(dir, 'newsdesk-rest-off.php');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        file,
        `<?php add_filter('rest_authentication_errors', function () { return new WP_Error('rest_disabled', 'REST API đã bị tắt', ['status' => 403]); });\n`,
      );
      try {
        const error = await failure(signIn('editor'), 'PORTAL_REST_DISABLED');
        expect(error.details).toEqual({ status: 403, wpCode: 'rest_disabled', route: '/' });
        // An already signed-in portal sees the same switch on every call.
        await failure(portals.editor.me(), 'PORTAL_REST_DISABLED');
      } finally {
        rmSync(file);
      }
      expect((await signIn('editor')).account.role).toBe('editor');
    });
  });

  describe('posts', () => {
    it('creates, reads, updates and trashes a Vietnamese post, text NFC on the way in and out', async () => {
      const syncKey = key();
      const content = withSyncMarker(BODY, syncKey);
      const created = await portals.contributor.createPost(pending({ title: TITLE.normalize('NFD'), content }));
      expect(created).toMatchObject({ status: 'pending', author: wp.users.contributor.id, title: TITLE, excerpt: EXCERPT, content, featuredMedia: 0 });
      expect(created.modifiedGmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      // Sent NFC: WordPress keeps what it is sent, so the stored bytes are NFC too.
      const stored = await wp.rest(wp.users.editor, 'GET', `/wp/v2/posts/${created.id}`, { query: { context: 'edit' } });
      expect((stored.body as { title: { raw: string } }).title.raw).toBe(TITLE);

      expect(await portals.contributor.getPost(created.id)).toEqual(created);
      const updated = await portals.contributor.updatePost(created.id, { title: 'Cửa Lò: giao ban quý III, bàn kế hoạch quý IV' });
      expect(updated).toMatchObject({ id: created.id, title: 'Cửa Lò: giao ban quý III, bàn kế hoạch quý IV', content, excerpt: EXCERPT });
      // The same update again leaves the same post.
      expect(await portals.contributor.updatePost(created.id, { title: updated.title })).toMatchObject({ title: updated.title, content });

      const trashed = await portals.contributor.trashPost(created.id);
      expect(trashed).toMatchObject({ id: created.id, status: 'trash', title: updated.title });
      // A retry of the trash after a lost answer (WordPress: 410 rest_already_trashed) is the same trash.
      expect((await portals.contributor.trashPost(created.id)).status).toBe('trash');
      expect((await portals.contributor.getPost(created.id)).status).toBe('trash');
    });

    it('findPostsByMarker finds exactly the post carrying the marker, not posts that only mention the key', async () => {
      const syncKey = key();
      const marked = await portals.contributor.createPost(pending({ content: withSyncMarker(BODY, syncKey) }));
      const quoting = await portals.contributor.createPost(
        pending({ title: `Mã ${syncKey}`, content: `<!-- wp:paragraph -->\n<p>Mã đồng bộ ${syncKey} chỉ được nhắc tới.</p>\n<!-- /wp:paragraph -->` }),
      );
      const partial = await portals.contributor.createPost(pending({ content: withSyncMarker(BODY, `${syncKey.slice(0, 16)}${'0'.repeat(16)}`) }));
      // WordPress's own search returns the quoting post too: only our check of the marker drops it.
      const search = await wp.rest(wp.users.contributor, 'GET', '/wp/v2/posts', { query: { search: syncKey, status: 'pending', context: 'edit' } });
      expect((search.body as { id: number }[]).map((post) => post.id).sort()).toEqual([marked.id, quoting.id].sort());

      expect((await portals.contributor.findPostsByMarker(syncKey, wp.users.contributor.id)).map((post) => post.id)).toEqual([marked.id]);
      expect((await portals.contributor.findPostsByMarker(syncKey)).map((post) => post.id)).toEqual([marked.id]);
      expect((await portals.editor.findPostsByMarker(syncKey, wp.users.contributor.id)).map((post) => post.id)).toEqual([marked.id]);
      expect(await portals.editor.findPostsByMarker(syncKey, wp.users.editor.id)).toEqual([]);
      expect(partial.id).not.toBe(marked.id);

      // Published, scheduled, private and draft posts are found as well as pending ones.
      for (const status of ['publish', 'future', 'private', 'draft'] as const) {
        const statusKey = key();
        const post = await portals.editor.createPost(
          pending({ status, content: withSyncMarker(BODY, statusKey), ...(status === 'future' ? { dateGmt: '2030-01-02T01:00:00' } : {}) }),
        );
        expect(post.status).toBe(status);
        expect((await portals.editor.findPostsByMarker(statusKey, wp.users.editor.id)).map((found) => found.id), status).toEqual([post.id]);
      }
      // A trashed post is not: the marker search covers what a create can have left.
      await portals.contributor.trashPost(marked.id);
      expect(await portals.contributor.findPostsByMarker(syncKey, wp.users.contributor.id)).toEqual([]);
    });

    it('listPosts pages oldest modification first and filters by modified_after in UTC on a UTC+7 site', async () => {
      const older = await portals.contributor.createPost(pending({ title: 'Phường Nghi Thủy ra quân dọn vệ sinh bãi biển' }));
      await nextSecond();
      const newer = await portals.contributor.createPost(pending({ title: 'Phường Thu Thủy khai trương chợ đêm' }));
      expect(newer.modifiedGmt > older.modifiedGmt).toBe(true);
      const query = { statuses: ['pending'] as const, author: wp.users.contributor.id, page: 1, perPage: 100 };
      const after = await portals.editor.listPosts({ ...query, modifiedAfter: older.modifiedGmt });
      expect(after.posts.map((post) => post.id)).toEqual([newer.id]);
      expect(after).toMatchObject({ total: 1, totalPages: 1 });
      expect((await portals.editor.listPosts({ ...query, modifiedAfter: newer.modifiedGmt })).posts).toEqual([]);

      const all = await portals.editor.listPosts(query);
      const modified = all.posts.map((post) => post.modifiedGmt);
      expect(modified).toEqual([...modified].sort());
      expect(all.posts.at(-1)?.id).toBe(newer.id);
      // Page by page the order holds too. Posts modified in the same second have no stable order
      // between requests (ORDER BY post_modified alone), so only the stamps are compared.
      const stamps: string[] = [];
      for (let page = 1; page <= 3; page += 1) {
        const paged = await portals.editor.listPosts({ ...query, perPage: 1, page });
        expect(paged).toMatchObject({ total: all.total, totalPages: all.total });
        stamps.push(paged.posts[0]!.modifiedGmt);
      }
      expect(stamps).toEqual(modified.slice(0, 3));
    });

    it('a contributor publishing → PORTAL_FORBIDDEN rest_cannot_publish', async () => {
      const error = await failure(portals.contributor.createPost(pending({ status: 'publish' })), 'PORTAL_FORBIDDEN');
      expect(error.details).toEqual({ status: 403, wpCode: 'rest_cannot_publish', route: '/wp/v2/posts' });
    });

    it('a post deleted on the portal → PORTAL_NOT_FOUND on read and on update', async () => {
      const post = await portals.contributor.createPost(pending({ title: 'Bài sẽ bị xoá' }));
      const deleted = await wp.rest(wp.users.editor, 'DELETE', `/wp/v2/posts/${post.id}`, { query: { force: true } });
      expect(deleted.status).toBe(200);
      const error = await failure(portals.contributor.getPost(post.id), 'PORTAL_NOT_FOUND');
      expect(error.details).toEqual({ status: 404, wpCode: 'rest_post_invalid_id', route: `/wp/v2/posts/${post.id}` });
      await failure(portals.contributor.updatePost(post.id, { title: 'Sửa' }), 'PORTAL_NOT_FOUND');
    });
  });

  describe('media', () => {
    const caption = 'Điểm cầu tại Sở Thông tin và Truyền thông';
    const altText = 'Đại biểu dự hội nghị giao ban tại điểm cầu Cửa Lò & các phường';
    const description = 'Ảnh: Nguyễn Văn Hùng';
    let jpeg: Uint8Array;
    beforeAll(async () => {
      jpeg = new Uint8Array(await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer());
    });

    it('an author uploads a JPEG with a Vietnamese name; caption, alt text and description come back intact, marker included', async () => {
      const syncKey = key();
      const requests: string[] = [];
      const recorded = new WordPressPortal({
        siteUrl: wp.baseUrl,
        username: wp.users.author.login,
        appPassword: wp.users.author.appPassword,
        fetch: (input, init) => {
          requests.push(`${init?.method} ${new URL(String(input)).searchParams.get('rest_route')}`);
          return fetch(input, init);
        },
      });
      // Opened without sign-in, the portal asks for the plugin once first (features(), tested below).
      await recorded.features();
      requests.length = 0;
      const media = await recorded.uploadMedia({ bytes: jpeg, filename: 'Hội nghị giao ban quý III.jpg', mime: 'image/jpeg', caption, altText, description, key: syncKey });
      // One request: WordPress 6.1 applies the query's caption, alt_text and description to the new attachment.
      expect(requests).toEqual(['POST /wp/v2/media']);
      expect(media).toMatchObject({ mimeType: 'image/jpeg', author: wp.users.author.id, caption, altText, description: `${syncMarker(syncKey)}\n${description}` });
      // WordPress 6.1 names the file after the ASCII `filename`, not `filename*`.
      expect(media.sourceUrl).toMatch(/\/wp-content\/uploads\/\d{4}\/\d\d\/Hoi-nghi-giao-ban-quy-III\.jpg$/);
      expect(await portals.author.getMedia(media.id)).toEqual(media);

      expect((await portals.author.findMediaByMarker(syncKey, wp.users.author.id)).map((found) => found.id)).toEqual([media.id]);
      expect((await portals.editor.findMediaByMarker(syncKey)).map((found) => found.id)).toEqual([media.id]);
      expect(await portals.editor.findMediaByMarker(syncKey, wp.users.editor.id)).toEqual([]);
      expect(await portals.author.findMediaByMarker(key())).toEqual([]);

      const file = await portals.author.downloadMedia(media.sourceUrl);
      expect(file.mime).toBe('image/jpeg');
      expect(Buffer.from(file.bytes).equals(Buffer.from(jpeg))).toBe(true);

      const updated = await portals.author.updateMedia(media.id, { caption: 'Toàn cảnh điểm cầu Cửa Lò', altText: 'Hội trường UBND thị xã', description: media.description });
      expect(updated).toMatchObject({ id: media.id, caption: 'Toàn cảnh điểm cầu Cửa Lò', altText: 'Hội trường UBND thị xã', description: media.description });
    });

    it('media search covers the description: the key found only there (not title, caption or file name)', async () => {
      const syncKey = key();
      const media = await portals.author.uploadMedia({ bytes: jpeg, filename: 'cua-lo-bien.jpg', mime: 'image/jpeg', caption: 'Biển Cửa Lò', altText: '', description: '', key: syncKey });
      const raw = await wp.rest(wp.users.author, 'GET', `/wp/v2/media/${media.id}`, { query: { context: 'edit' } });
      const body = raw.body as { title: { raw: string }; caption: { raw: string }; source_url: string; description: { raw: string } };
      expect(`${body.title.raw} ${body.caption.raw} ${body.source_url}`).not.toContain(syncKey);
      expect(body.description.raw).toContain(syncKey);
      const search = await wp.rest(wp.users.author, 'GET', '/wp/v2/media', { query: { search: syncKey } });
      expect((search.body as { id: number }[]).map((found) => found.id)).toEqual([media.id]);
    });

    it("kses escapes & in an author's description (plain text comes back as &amp;); alt text keeps it", async () => {
      const media = await portals.author.uploadMedia({ bytes: jpeg, filename: 'giao-ban.jpg', mime: 'image/jpeg', caption, altText, description: 'Cửa Lò & Nghi Lộc', key: key() });
      expect(media.description.endsWith('\nCửa Lò &amp; Nghi Lộc')).toBe(true);
      expect(media.altText).toBe(altText);
    });

    it('a description too long for a request line goes in a follow-up update; the marker is in the first request', async () => {
      const urls: string[] = [];
      const recording: typeof fetch = (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      };
      const portal = new WordPressPortal({ siteUrl: wp.baseUrl, username: wp.users.author.login, appPassword: wp.users.author.appPassword, fetch: recording });
      const syncKey = key();
      const long = 'Hội nghị giao ban quý III của thị xã Cửa Lò diễn ra tại hội trường UBND thị xã. '.repeat(40);
      await portal.features();
      urls.length = 0;
      const media = await portal.uploadMedia({ bytes: jpeg, filename: 'hoi-truong.jpg', mime: 'image/jpeg', caption, altText, description: long, key: syncKey });
      expect(media).toMatchObject({ caption, altText, description: `${syncMarker(syncKey)}\n${long}` });
      expect(urls).toHaveLength(2);
      expect(urls[0]!.length).toBeLessThan(6_000);
      expect(new URL(urls[0]!).searchParams.get('description')).toBe(syncMarker(syncKey));
      expect(new URL(urls[0]!).searchParams.get('caption')).toBeNull();
      expect(new URL(urls[1]!).searchParams.get('rest_route')).toBe(`/wp/v2/media/${media.id}`);
    });

    it(`a contributor uploading ${WITH_PLUGIN ? 'succeeds (the plugin grants upload_files): found by its marker, its fields settable' : '→ PORTAL_FORBIDDEN rest_cannot_create, and no attachment is made'}`, async () => {
      const syncKey = key();
      if (WITH_PLUGIN) {
        const media = await portals.contributor.uploadMedia({ bytes: jpeg, filename: 'phong-vien.jpg', mime: 'image/jpeg', caption, altText, description, key: syncKey });
        expect(media).toMatchObject({ author: wp.users.contributor.id, caption, altText });
        expect((await portals.contributor.findMediaByMarker(syncKey, wp.users.contributor.id)).map((item) => item.id)).toEqual([media.id]);
        expect((await portals.contributor.updateMedia(media.id, { caption: 'Chú thích mới', altText, description })).caption).toBe('Chú thích mới');
        return;
      }
      const error = await failure(
        portals.contributor.uploadMedia({ bytes: jpeg, filename: 'anh.jpg', mime: 'image/jpeg', caption, altText, description, key: syncKey }),
        'PORTAL_FORBIDDEN',
      );
      expect(error.details).toEqual({ status: 403, wpCode: 'rest_cannot_create', route: '/wp/v2/media' });
      expect(await portals.editor.findMediaByMarker(syncKey)).toEqual([]);
    });

    it('an attachment deleted on the portal → PORTAL_NOT_FOUND', async () => {
      const media = await portals.author.uploadMedia({ bytes: jpeg, filename: 'xoa.jpg', mime: 'image/jpeg', caption, altText, description, key: key() });
      expect((await wp.rest(wp.users.editor, 'DELETE', `/wp/v2/media/${media.id}`, { query: { force: true } })).status).toBe(200);
      await failure(portals.author.getMedia(media.id), 'PORTAL_NOT_FOUND');
      await failure(portals.author.downloadMedia(media.sourceUrl), 'PORTAL_NOT_FOUND');
    });
  });

  describe(WITH_PLUGIN ? 'the companion plugin, installed' : 'the companion plugin, absent (stock behaviour)', () => {
    const jpeg = async (seed: number) =>
      new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed, g: 90, b: 140 } } }).jpeg().toBuffer());
    /** One REST call with headers of our choosing (wp.rest sends none). */
    const raw = async (user: PortalRole | null, method: string, route: string, headers: Record<string, string>, json?: unknown) => {
      const response = await fetch(wp.restUrl(route, { context: 'edit' }), {
        method,
        headers: { ...headers, ...(user ? { authorization: wp.authorization(wp.users[user]) } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      return { status: response.status, text: await response.text() };
    };

    it('features() come from the REST index read at sign-in, without another request when the plugin is absent', async () => {
      expect(await portals.author.features()).toEqual({ idempotentCreate: WITH_PLUGIN, conditionalUpdate: WITH_PLUGIN });
      // A portal opened from stored credentials (a restart) asks once per session.
      const routes: string[] = [];
      const portal = new WordPressPortal({
        siteUrl: wp.baseUrl,
        username: wp.users.author.login,
        appPassword: wp.users.author.appPassword,
        fetch: (input, init) => {
          routes.push(new URL(String(input)).searchParams.get('rest_route') ?? '');
          return fetch(input, init);
        },
      });
      await Promise.all([portal.features(), portal.features()]);
      await portal.features();
      expect(routes).toEqual(WITH_PLUGIN ? ['/', '/newsdesk/v1/info'] : ['/']);
    });

    it('tells an anonymous visitor nothing: no info, and no modified time of a draft through the condition header', async () => {
      expect((await raw(null, 'GET', '/newsdesk/v1/info', {})).status).toBe(WITH_PLUGIN ? 401 : 404);
      const draft = await portals.author.createPost(pending({ status: 'draft', content: withSyncMarker(BODY, key()) }));
      const probe = await raw(null, 'POST', `/wp/v2/posts/${draft.id}`, { 'X-Newsdesk-If-Unmodified': '2000-01-01T00:00:00' }, { title: 'x' });
      expect(probe.status).toBe(401);
      expect(probe.text).not.toContain(draft.modifiedGmt);
      expect(probe.text).not.toContain('newsdesk');
      // Nor the revision counter: it is in context=edit only, for those who may edit the post.
      const asPublic = await fetch(wp.restUrl(`/wp/v2/posts/${(await portals.editor.updatePost(draft.id, { status: 'publish' })).id}`));
      expect(await asPublic.text()).not.toContain('newsdesk_rev');
    });

    it(`a create repeated with the same key ${WITH_PLUGIN ? 'returns the first post, updated to the repeat’s fields' : 'makes a second post (why the client searches for its marker)'}`, async () => {
      const syncKey = key();
      const first = await portals.author.createPost(pending({ content: withSyncMarker(BODY, syncKey) }), syncKey);
      expect(first.replayed).toBeUndefined();
      const again = await portals.author.createPost(pending({ title: 'Cửa Lò: giao ban quý III (bản sửa)', content: withSyncMarker(BODY, syncKey) }), syncKey);
      const found = await portals.editor.findPostsByMarker(syncKey);
      if (WITH_PLUGIN) {
        expect(again).toMatchObject({ id: first.id, replayed: true, title: 'Cửa Lò: giao ban quý III (bản sửa)' });
        expect(found.map((post) => post.id)).toEqual([first.id]);
      } else {
        expect(again.id).not.toBe(first.id);
        expect(found).toHaveLength(2);
      }
    });

    it(`a keyed create after a try that carried only the marker ${WITH_PLUGIN ? 'adopts that post; a malformed key is refused' : 'is an ordinary create (the header means nothing to core)'}`, async () => {
      const syncKey = key();
      const unkeyed = await wp.rest(wp.users.author, 'POST', '/wp/v2/posts', { json: { title: TITLE, content: withSyncMarker(BODY, syncKey), status: 'pending' } });
      expect(unkeyed.status).toBe(201);
      const retried = await portals.author.createPost(pending({ content: withSyncMarker(BODY, syncKey) }), syncKey);
      if (!WITH_PLUGIN) {
        expect(retried.id).not.toBe((unkeyed.body as { id: number }).id);
        expect((await raw('author', 'POST', '/wp/v2/posts', { 'X-Newsdesk-Key': 'NOT-A-KEY' }, { title: 'x', status: 'draft' })).status).toBe(201);
        return;
      }
      expect(retried).toMatchObject({ id: (unkeyed.body as { id: number }).id, replayed: true });
      // Another user's post with that marker is not theirs to adopt.
      const other = await portals.editor.createPost(pending({ content: withSyncMarker(BODY, syncKey) }), syncKey);
      expect(other.id).not.toBe(retried.id);
      const bad = await raw('author', 'POST', '/wp/v2/posts', { 'X-Newsdesk-Key': 'NOT-A-KEY' }, { title: 'x', status: 'draft' });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text)).toMatchObject({ code: 'newsdesk_bad_key' });
    });

    it(`an update naming a version the post has left ${WITH_PLUGIN ? '→ PORTAL_CHANGED (412), and nothing is written' : 'is written anyway (core has no condition)'}`, async () => {
      const created = await portals.author.createPost(pending({ content: withSyncMarker(BODY, key()) }), key());
      // Changed on the portal, most likely within the same second (modified_gmt alone cannot tell).
      expect((await wp.rest(wp.users.editor, 'POST', `/wp/v2/posts/${created.id}`, { json: { title: 'Biên tập sửa tít' } })).status).toBe(200);
      const stale = portals.author.updatePost(created.id, { title: 'Phóng viên sửa tít' }, created);
      if (WITH_PLUGIN) {
        const error = await failure(stale, 'PORTAL_CHANGED');
        expect(error.details).toEqual({ status: 412, wpCode: 'newsdesk_modified', route: `/wp/v2/posts/${created.id}` });
        const current = await portals.author.getPost(created.id);
        expect(current.title).toBe('Biên tập sửa tít');
        expect(current.revision).toBe((created.revision ?? 0) + 1);
        // Named as it is now, the same write goes through.
        expect((await portals.author.updatePost(created.id, { title: 'Phóng viên sửa tít' }, current)).title).toBe('Phóng viên sửa tít');
      } else {
        expect((await stale).title).toBe('Phóng viên sửa tít');
        expect(created.revision).toBeUndefined();
      }
    });

    it(`an upload repeated with the same key ${WITH_PLUGIN ? 'returns the first attachment with the repeat’s fields' : 'makes a second attachment'}`, async () => {
      const syncKey = key();
      const bytes = await jpeg(7);
      const first = await portals.author.uploadMedia({ bytes, filename: 'lap-lai.jpg', mime: 'image/jpeg', caption: 'Lần một', altText: 'Ảnh', description: '', key: syncKey });
      const again = await portals.author.uploadMedia({ bytes, filename: 'lap-lai.jpg', mime: 'image/jpeg', caption: 'Lần hai', altText: 'Ảnh', description: '', key: syncKey });
      const found = await portals.author.findMediaByMarker(syncKey);
      if (WITH_PLUGIN) {
        expect(again).toMatchObject({ id: first.id, replayed: true, caption: 'Lần hai' });
        expect(found.map((media) => media.id)).toEqual([first.id]);
      } else {
        expect(again.id).not.toBe(first.id);
        expect(found).toHaveLength(2);
      }
    });
  });

  describe('terms', () => {
    it('an editor finds or creates "Thời sự", matching case and NFC', async () => {
      const id = await portals.editor.termId('categories', 'Thời sự');
      expect(id).toEqual(expect.any(Number));
      expect(await portals.editor.termId('categories', 'THỜI SỰ'.normalize('NFD'))).toBe(id);
      expect(await portals.contributor.termId('categories', ' thời sự ')).toBe(id);
      const fresh = new WordPressPortal({ siteUrl: wp.baseUrl, username: wp.users.editor.login, appPassword: wp.users.editor.appPassword });
      expect(await fresh.termNames('categories', [id!, 999_999])).toEqual(new Map([[id!, 'Thời sự']]));
    });

    it('a name WordPress stores HTML-escaped ("Kinh tế & Đời sống") is found again and named as typed', async () => {
      const id = await portals.editor.termId('categories', 'Kinh tế & Đời sống');
      const stored = await wp.rest(wp.users.editor, 'GET', `/wp/v2/categories/${id}`);
      expect((stored.body as { name: string }).name).toBe('Kinh tế &amp; Đời sống');
      expect(await portals.editor.termId('categories', 'kinh tế & đời sống')).toBe(id);
      const fresh = new WordPressPortal({ siteUrl: wp.baseUrl, username: wp.users.editor.login, appPassword: wp.users.editor.appPassword });
      expect((await fresh.termNames('categories', [id!])).get(id!)).toBe('Kinh tế & Đời sống');
    });

    it('marks count: "Thoi su" is another term than "Thời sự", though WordPress\'s search returns both', async () => {
      const id = await portals.editor.termId('categories', 'Thời sự');
      const search = await wp.rest(wp.users.editor, 'GET', '/wp/v2/categories', { query: { search: 'Thoi su' } });
      expect((search.body as { id: number }[]).map((term) => term.id)).toContain(id);
      const bare = await portals.editor.termId('categories', 'Thoi su');
      expect(bare).not.toBe(id);
      expect(await portals.editor.termId('categories', 'thoi SU')).toBe(bare);
      expect(await portals.editor.termId('categories', 'Thời sự')).toBe(id);
    });

    it('a contributor may not create a category (null) but may create a tag', async () => {
      expect(await portals.contributor.termId('categories', 'Giáo dục')).toBeNull();
      const before = await wp.rest(wp.users.editor, 'GET', '/wp/v2/categories', { query: { search: 'Giáo dục' } });
      expect(before.body).toEqual([]);
      const tag = await portals.contributor.termId('tags', 'Lũ lụt miền Trung');
      expect(tag).toEqual(expect.any(Number));
      expect(await portals.editor.termId('tags', 'lũ lụt miền trung')).toBe(tag);
      expect(await portals.contributor.termNames('tags', [tag!])).toEqual(new Map([[tag!, 'Lũ lụt miền Trung']]));
    });
  });
});
