// The request rules of WordPressPortal (error mapping, redirects, size cap, timeout, where the
// credentials go) against real HTTP servers on 127.0.0.1: a "site" whose first path segment picks
// how it misbehaves, and a second server on another port (another origin) that records anything
// that reaches it. What a real WordPress answers is pinned in tests/portal/wordpressPortal.test.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WordPressPortal } from '../../../../../src/main/services/portal/WordPressPortal';
import { isNewsdeskError, type ErrorCode, type NewsdeskError } from '../../../../../src/shared/errors';

const USERNAME = 'phongvien-hung';
const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
/** In every body the site sends: must never surface in an error. */
const BODY_SECRET = 'NOI-DUNG-MAY-CHU';

interface Seen {
  method: string;
  url: string;
  host: string | undefined;
  authorization: string | undefined;
  methodOverride: string | undefined;
  contentType: string | undefined;
  body: string;
}

interface TestServer {
  server: Server;
  origin: string;
  port: number;
  seen: Seen[];
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        host: request.headers.host,
        authorization: request.headers.authorization,
        methodOverride: request.headers['x-http-method-override'] as string | undefined,
        contentType: request.headers['content-type'],
        body,
      });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, origin: `http://127.0.0.1:${port}`, seen };
}

async function close(test: TestServer | undefined): Promise<void> {
  if (!test) return;
  test.server.closeAllConnections();
  await new Promise((resolve) => test.server.close(resolve));
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

function html(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=UTF-8' });
  response.end(`<!DOCTYPE html><html><body><h1>Cổng thông tin Cửa Lò</h1><p>${BODY_SECRET}</p></body></html>`);
}

const NFD_NAME = 'Nguyễn Văn Hùng'.normalize('NFD');
const POST = {
  id: 12,
  status: 'pending',
  link: 'http://127.0.0.1/?p=12',
  author: 7,
  modified_gmt: '2026-12-02T08:00:00',
  date_gmt: null,
  title: { raw: 'Cửa Lò tổ chức hội nghị giao ban quý III'.normalize('NFD'), rendered: 'x' },
  content: { raw: '<!-- wp:paragraph -->\n<p>Điểm cầu tại Sở Thông tin và Truyền thông</p>\n<!-- /wp:paragraph -->', rendered: 'x' },
  excerpt: { raw: 'Sáng 30/9, UBND thị xã tổ chức hội nghị.', rendered: 'x' },
  categories: [3],
  tags: [],
  featured_media: 0,
};

let site: TestServer;
let elsewhere: TestServer;
/** Written bytes of the last /huge answer when the client went away. */
let hugeWrittenAtClose = -1;
const HUGE_TOTAL = 64 * 1024 * 1024;

function siteHandler(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://x');
  const scenario = url.pathname.split('/')[1] ?? '';
  const route = url.searchParams.get('rest_route') ?? '';
  const same = (path: string) => `/${path}/index.php${url.search}`;
  switch (scenario) {
    case 'ok':
      if (route === '/') return json(response, 200, { namespaces: ['oembed/1.0', 'wp/v2'] });
      if (route === '/wp/v2/users/me') {
        return json(response, 200, {
          id: 7,
          username: USERNAME,
          name: NFD_NAME,
          roles: ['contributor'],
          capabilities: { edit_posts: true, read: true, contributor: true },
        });
      }
      if (route === '/wp/v2/posts/12') {
        if (request.headers['x-http-method-override'] === 'DELETE') return json(response, 200, { ...POST, status: 'trash' });
        return json(response, 200, POST);
      }
      if (route === '/wp/v2/posts') {
        return json(response, 200, [POST], { 'X-WP-Total': '41', 'X-WP-TotalPages': '5' });
      }
      return json(response, 404, { code: 'rest_no_route', message: BODY_SECRET, data: { status: 404 } });
    case 'html':
      return html(response, 200);
    case 'php-warning':
      // What a WordPress with display_errors on sends: a notice in HTML, then the JSON.
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      return void response.end(`<br />\n<b>Warning</b>: ${BODY_SECRET} in plugin.php<br />\n${JSON.stringify(POST)}`);
    case 'malformed':
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      return void response.end(`{"id": 12, "title": {"raw": "${BODY_SECRET}`);
    case 'not-utf8':
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]));
    case 'shape':
      return json(response, 200, { ...POST, modified_gmt: '2 tháng 12', title: BODY_SECRET });
    case 'no-total':
      return json(response, 200, [POST]);
    case 'huge': {
      let written = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('close', () => {
        hugeWrittenAtClose = written;
      });
      const pump = () => {
        while (written < HUGE_TOTAL && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      return pump();
    }
    case 'declared-huge':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_TOTAL) });
      return void response.write('[');
    case '500':
      return html(response, 500);
    case '503json':
      return json(response, 503, { code: 'internal_server_error', message: BODY_SECRET, data: { status: 503 } });
    case '401':
      return json(response, 401, { code: 'incorrect_password', message: `Sai mật khẩu ${request.headers.authorization}`, data: { status: 401 } });
    case '403':
      // A server that quotes the request back must not get the quote into our error.
      return json(response, 403, { code: 'rest_cannot_publish', message: `Xin lỗi ${request.headers.authorization} ${BODY_SECRET}`, data: { status: 403 } });
    case '404':
      return json(response, 404, { code: 'rest_post_invalid_id', message: BODY_SECRET, data: { status: 404 } });
    case '404html':
      return html(response, 404);
    case '400':
      return json(response, 400, { code: 'rest_invalid_param', message: BODY_SECRET, data: { status: 400 } });
    case '410trashed':
      if (request.headers['x-http-method-override'] === 'DELETE') {
        return json(response, 410, { code: 'rest_already_trashed', message: 'The post has already been deleted.', data: { status: 410 } });
      }
      return json(response, 200, { ...POST, status: 'trash' });
    case '429':
      return json(response, 429, { code: 'too_many', message: BODY_SECRET });
    case 'redirect-elsewhere':
      response.writeHead(302, { location: `${elsewhere.origin}/ok/index.php${url.search}` });
      return void response.end();
    case 'redirect-localhost':
      // The same server under another name: another origin all the same.
      response.writeHead(302, { location: `http://localhost:${site.port}/ok/index.php${url.search}` });
      return void response.end();
    case 'redirect-protocol-relative':
      response.writeHead(301, { location: `//localhost:${elsewhere.port}/ok/index.php${url.search}` });
      return void response.end();
    case 'redirect-same':
      response.writeHead(302, { location: same('ok') });
      return void response.end();
    case 'redirect-same-307':
      response.writeHead(307, { location: same('ok') });
      return void response.end();
    case 'redirect-loop':
      response.writeHead(302, { location: same('redirect-loop') });
      return void response.end();
    case 'hang':
      return; // Never answers.
    case 'hang-body':
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.write('{"id": 12,');
    case 'index-not-wp':
      return json(response, 200, { name: 'Một trang không phải WordPress', namespaces: ['other/v1'] });
    case 'index-404':
      return html(response, 404);
    case 'rest-disabled':
      return json(response, 403, { code: 'rest_disabled', message: BODY_SECRET, data: { status: 403 } });
    case 'rest-disabled-500':
      // A plugin's WP_Error without a status becomes a 500.
      return json(response, 500, { code: 'rest_disabled', message: BODY_SECRET, data: null });
    case 'rest-cannot-access':
      return json(response, 401, { code: 'rest_cannot_access', message: BODY_SECRET, data: { status: 401 } });
    case 'index-waf':
      return html(response, 403);
    case 'index-wrong-password':
      return json(response, 401, { code: 'incorrect_password', message: BODY_SECRET, data: { status: 401 } });
    case 'term-raced':
      // Someone made the term between our search and our create.
      if (request.method === 'GET') return json(response, 200, []);
      return json(response, 400, { code: 'term_exists', message: BODY_SECRET, data: { status: 400, term_id: 77 } });
    case 'term-refused':
      if (request.method === 'GET') return json(response, 200, [{ id: 5, name: 'Thời sự khác' }]);
      return json(response, 403, { code: 'rest_cannot_create', message: BODY_SECRET, data: { status: 403 } });
    case 'term-names':
      return json(response, 200, [
        { id: 3, name: 'Kinh tế &amp; Đời sống' },
        { id: 4, name: 'Thời sự'.normalize('NFD') },
      ]);
    case 'files':
      if (url.pathname === '/files/cua-lo.jpg') {
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        return void response.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      }
      if (url.pathname === '/files/moved.jpg') {
        response.writeHead(302, { location: `${elsewhere.origin}/files/cua-lo.jpg` });
        return void response.end();
      }
      return html(response, 404);
    default:
      return html(response, 404);
  }
}

function portal(scenario: string, options: { timeoutMs?: number; maxJsonBytes?: number; maxMediaBytes?: number } = {}): WordPressPortal {
  return new WordPressPortal({ siteUrl: `${site.origin}/${scenario}`, username: USERNAME, appPassword: PASSWORD, ...options });
}

/** The error `promise` rejects with, after checking it holds nothing secret. */
async function failure(promise: Promise<unknown>): Promise<NewsdeskError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isNewsdeskError(caught)) throw new Error(`expected a NewsdeskError, got ${String(caught)}`);
  const visible = JSON.stringify({ message: caught.message, details: caught.details, payload: caught.toPayload() });
  for (const secret of [PASSWORD, PASSWORD.replaceAll(' ', ''), BASIC, BASIC.slice(6), 'Basic', BODY_SECRET, '?', 'rest_route']) {
    expect(visible, `error details leak ${secret}`).not.toContain(secret);
  }
  return caught;
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode, details?: Record<string, unknown>): Promise<NewsdeskError> {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  if (details) expect(error.details).toMatchObject(details);
  return error;
}

beforeAll(async () => {
  site = await listen(siteHandler);
  elsewhere = await listen((_request, response) => json(response, 200, POST));
});
afterAll(async () => {
  await close(site);
  await close(elsewhere);
});
beforeEach(() => {
  site.seen.length = 0;
  elsewhere.seen.length = 0;
});

describe('WordPressPortal requests', () => {
  it('addresses REST as <site>/index.php?rest_route=…&context=edit with Basic auth, and NFC-normalises answers', async () => {
    const post = await portal('ok').getPost(12);
    expect(post.title).toBe('Cửa Lò tổ chức hội nghị giao ban quý III');
    expect(post.title).toBe(post.title.normalize('NFC'));
    expect(post).toMatchObject({ id: 12, status: 'pending', modifiedGmt: '2026-12-02T08:00:00', categories: [3], featuredMedia: 0 });
    expect(site.seen).toHaveLength(1);
    const [request] = site.seen;
    const url = new URL(request!.url, site.origin);
    expect(url.pathname).toBe('/ok/index.php');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts/12');
    expect(url.searchParams.get('context')).toBe('edit');
    expect(request!.authorization).toBe(BASIC);
  });

  it('trashes with POST and X-HTTP-Method-Override: DELETE, as hosts that block DELETE still pass it', async () => {
    const trashed = await portal('ok').trashPost(12);
    expect(trashed.status).toBe('trash');
    expect(site.seen[0]).toMatchObject({ method: 'POST', methodOverride: 'DELETE' });
  });

  it('treats a repeated trash (410 rest_already_trashed) as done and returns the trashed post', async () => {
    const trashed = await portal('410trashed').trashPost(12);
    expect(trashed.status).toBe('trash');
    expect(site.seen.map((seen) => seen.methodOverride ?? seen.method)).toEqual(['DELETE', 'GET']);
  });

  it('sends a write as NFC JSON with only the fields given', async () => {
    await portal('ok').updatePost(12, { title: 'Hội nghị giao ban'.normalize('NFD'), featuredMedia: 0 });
    expect(site.seen[0]!.contentType).toContain('application/json');
    expect(JSON.parse(site.seen[0]!.body)).toEqual({ title: 'Hội nghị giao ban', featured_media: 0 });
  });

  it('reads X-WP-Total and X-WP-TotalPages, and sends modified_after as UTC, oldest first', async () => {
    const page = await portal('ok').listPosts({ statuses: ['pending', 'publish'], modifiedAfter: '2026-12-01T00:00:00', page: 2, perPage: 10, author: 7 });
    expect(page).toMatchObject({ total: 41, totalPages: 5 });
    expect(page.posts.map((post) => post.id)).toEqual([12]);
    const query = new URL(site.seen[0]!.url, site.origin).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      rest_route: '/wp/v2/posts',
      context: 'edit',
      status: 'pending,publish',
      author: '7',
      modified_after: '2026-12-01T00:00:00Z',
      orderby: 'modified',
      order: 'asc',
      page: '2',
      per_page: '10',
    });
    // One second of posts, by id (listChangedPosts): modified_before in UTC too.
    await portal('ok').listPosts({ statuses: ['pending'], modifiedAfter: '2026-12-01T07:59:59', modifiedBefore: '2026-12-01T08:00:01', orderBy: 'id', page: 1, perPage: 10 });
    const second = new URL(site.seen[1]!.url, site.origin).searchParams;
    expect([second.get('modified_after'), second.get('modified_before'), second.get('orderby'), second.get('order')]).toEqual(['2026-12-01T07:59:59Z', '2026-12-01T08:00:01Z', 'id', 'asc']);
    await expectCode(portal('no-total').listPosts({ statuses: ['pending'], page: 1, perPage: 10 }), 'PORTAL_BAD_RESPONSE', { reason: 'shape' });
  });

  describe('maps statuses and bodies to codes whose details hold only status, wpCode and route', () => {
    it('401 → PORTAL_AUTH, 403 → PORTAL_FORBIDDEN with wpCode', async () => {
      await expectCode(portal('401').getPost(12), 'PORTAL_AUTH', { status: 401, wpCode: 'incorrect_password' });
      const error = await expectCode(portal('403').createPost({ title: 'Xuất bản luôn', content: '', excerpt: '', status: 'publish' }), 'PORTAL_FORBIDDEN');
      expect(error.details).toEqual({ status: 403, wpCode: 'rest_cannot_publish', route: '/wp/v2/posts' });
    });

    it("404 from WordPress on an object → PORTAL_NOT_FOUND; an HTML 404 or rest_no_route is the site's fault, not a deletion", async () => {
      await expectCode(portal('404').getPost(12), 'PORTAL_NOT_FOUND', { status: 404, wpCode: 'rest_post_invalid_id', route: '/wp/v2/posts/12' });
      await expectCode(portal('404html').getPost(12), 'PORTAL_SERVER', { status: 404 });
      await expectCode(portal('ok').getMedia(99), 'PORTAL_SERVER', { status: 404, wpCode: 'rest_no_route' });
      await expectCode(portal('404').listPosts({ statuses: ['publish'], page: 1, perPage: 10 }), 'PORTAL_SERVER', { status: 404 });
    });

    it('5xx (HTML or JSON) and 429 → PORTAL_SERVER', async () => {
      await expectCode(portal('500').getPost(12), 'PORTAL_SERVER', { status: 500 });
      await expectCode(portal('503json').getPost(12), 'PORTAL_SERVER', { status: 503, wpCode: 'internal_server_error' });
      await expectCode(portal('429').getPost(12), 'PORTAL_SERVER', { status: 429 });
    });

    it('another 4xx is a refusal that a retry will not change (PORTAL_FORBIDDEN with the status)', async () => {
      await expectCode(portal('400').getPost(12), 'PORTAL_FORBIDDEN', { status: 400, wpCode: 'rest_invalid_param' });
    });

    it('an HTML page where JSON was expected → PORTAL_SERVER, also behind a JSON content type (PHP warnings)', async () => {
      await expectCode(portal('html').getPost(12), 'PORTAL_SERVER', { reason: 'html', status: 200 });
      await expectCode(portal('php-warning').getPost(12), 'PORTAL_SERVER', { reason: 'html' });
    });

    it('malformed JSON, bytes that are not UTF-8, or the wrong shape → PORTAL_BAD_RESPONSE', async () => {
      await expectCode(portal('malformed').getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'json', route: '/wp/v2/posts/12' });
      await expectCode(portal('not-utf8').getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'encoding' });
      await expectCode(portal('shape').getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'shape' });
    });

    it('no server listening → PORTAL_UNREACHABLE (network)', async () => {
      const closed = await listen(() => undefined);
      await close(closed);
      const offline = new WordPressPortal({ siteUrl: closed.origin, username: USERNAME, appPassword: PASSWORD });
      await expectCode(offline.getPost(12), 'PORTAL_UNREACHABLE', { reason: 'network', route: '/wp/v2/posts/12' });
    });
  });

  describe('redirects', () => {
    it('refuses a redirect to another port (another origin): the other server never sees a request, let alone the password', async () => {
      await expectCode(portal('redirect-elsewhere').getPost(12), 'PORTAL_REDIRECT', { status: 302, route: '/wp/v2/posts/12' });
      expect(site.seen).toHaveLength(1);
      expect(site.seen[0]!.authorization).toBe(BASIC);
      expect(elsewhere.seen).toEqual([]);
      expect(elsewhere.seen.some((seen) => seen.authorization !== undefined)).toBe(false);
    });

    it('refuses the same server under another host name, and a protocol-relative Location', async () => {
      await expectCode(portal('redirect-localhost').getPost(12), 'PORTAL_REDIRECT');
      await expectCode(portal('redirect-protocol-relative').getPost(12), 'PORTAL_REDIRECT', { status: 301 });
      expect(site.seen.map((seen) => seen.host)).toEqual([`127.0.0.1:${site.port}`, `127.0.0.1:${site.port}`]);
      expect(elsewhere.seen).toEqual([]);
    });

    it('follows a same-origin redirect of a read, credentials and all', async () => {
      const post = await portal('redirect-same').getPost(12);
      expect(post.id).toBe(12);
      expect(site.seen.map((seen) => new URL(seen.url, site.origin).pathname)).toEqual(['/redirect-same/index.php', '/ok/index.php']);
      expect(site.seen.every((seen) => seen.authorization === BASIC)).toBe(true);
    });

    it('replays a write only through 307/308; a 302 would turn it into a GET, so it is refused', async () => {
      const updated = await portal('redirect-same-307').updatePost(12, { excerpt: 'Tóm tắt' });
      expect(updated.id).toBe(12);
      expect(site.seen.map((seen) => [seen.method, seen.body])).toEqual([
        ['POST', '{"excerpt":"Tóm tắt"}'],
        ['POST', '{"excerpt":"Tóm tắt"}'],
      ]);
      site.seen.length = 0;
      await expectCode(portal('redirect-same').updatePost(12, { excerpt: 'Tóm tắt' }), 'PORTAL_REDIRECT', { status: 302 });
      expect(site.seen).toHaveLength(1);
    });

    it('gives up after three same-origin redirects (PORTAL_SERVER)', async () => {
      await expectCode(portal('redirect-loop').getPost(12), 'PORTAL_SERVER', { reason: 'redirect-loop' });
      expect(site.seen).toHaveLength(4);
    });
  });

  describe('size cap', () => {
    it('aborts a streamed answer beyond maxJsonBytes instead of reading it all → PORTAL_BAD_RESPONSE too-large', async () => {
      hugeWrittenAtClose = -1;
      await expectCode(portal('huge', { maxJsonBytes: 256 * 1024 }).getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'too-large' });
      await expect.poll(() => hugeWrittenAtClose).toBeGreaterThan(0);
      // Loopback socket buffers hold a few MB at most; reading it all would be 64 MB.
      expect(hugeWrittenAtClose).toBeLessThan(HUGE_TOTAL / 4);
    });

    it('caps JSON at 16 MB by default', async () => {
      hugeWrittenAtClose = -1;
      await expectCode(portal('huge').getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'too-large' });
      await expect.poll(() => hugeWrittenAtClose).toBeGreaterThan(16 * 1024 * 1024);
      expect(hugeWrittenAtClose).toBeLessThan(HUGE_TOTAL);
    });

    it('refuses a declared Content-Length beyond the cap before reading', async () => {
      await expectCode(portal('declared-huge', { timeoutMs: 5_000 }).getPost(12), 'PORTAL_BAD_RESPONSE', { reason: 'too-large' });
    });
  });

  describe('timeout', () => {
    it('a server that never answers → PORTAL_UNREACHABLE timeout, after about timeoutMs', async () => {
      const started = performance.now();
      await expectCode(portal('hang', { timeoutMs: 300 }).getPost(12), 'PORTAL_UNREACHABLE', { reason: 'timeout' });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(5_000);
    });

    it('a body that stalls half way also times out', async () => {
      await expectCode(portal('hang-body', { timeoutMs: 300 }).getPost(12), 'PORTAL_UNREACHABLE', { reason: 'timeout' });
    });
  });

  describe('terms', () => {
    it('takes the id WordPress names in term_exists when the term appeared since the search', async () => {
      expect(await portal('term-raced').termId('tags', 'Bão số 3')).toBe(77);
      expect(site.seen.map((seen) => seen.method)).toEqual(['GET', 'POST']);
      expect(JSON.parse(site.seen[1]!.body)).toEqual({ name: 'Bão số 3' });
    });

    it('answers null when the role may not create the term (403), after a search that found only other names', async () => {
      expect(await portal('term-refused').termId('categories', 'Thời sự')).toBeNull();
    });

    it('names terms by id, entities decoded and NFC, and asks once per id', async () => {
      const names = portal('term-names');
      expect(await names.termNames('categories', [3, 4])).toEqual(new Map([[3, 'Kinh tế & Đời sống'], [4, 'Thời sự']]));
      expect(new URL(site.seen[0]!.url, site.origin).searchParams.get('include')).toBe('3,4');
      expect(await names.termNames('categories', [4, 3, 4])).toEqual(new Map([[4, 'Thời sự'], [3, 'Kinh tế & Đời sống']]));
      expect(site.seen).toHaveLength(1);
    });
  });

  describe('downloadMedia', () => {
    it('fetches a file on the site origin without sending the password', async () => {
      const file = await portal('ok').downloadMedia(`${site.origin}/files/cua-lo.jpg`);
      expect(file.mime).toBe('image/jpeg');
      expect([...file.bytes]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
      expect(site.seen[0]!.authorization).toBeUndefined();
    });

    it('never fetches another origin, directly or through a redirect', async () => {
      await expectCode(portal('ok').downloadMedia(`${elsewhere.origin}/files/cua-lo.jpg`), 'PORTAL_REDIRECT');
      await expectCode(portal('ok').downloadMedia(`${site.origin}/files/moved.jpg`), 'PORTAL_REDIRECT', { status: 302 });
      expect(elsewhere.seen).toEqual([]);
    });

    it('maps a missing file to PORTAL_NOT_FOUND and caps the bytes at maxMediaBytes', async () => {
      await expectCode(portal('ok').downloadMedia(`${site.origin}/files/khong-co.jpg`), 'PORTAL_NOT_FOUND', { status: 404 });
      await expectCode(portal('ok', { maxMediaBytes: 3 }).downloadMedia(`${site.origin}/files/cua-lo.jpg`), 'PORTAL_BAD_RESPONSE', { reason: 'too-large' });
    });
  });
});

describe('WordPressPortal.signIn', () => {
  const signIn = (scenario: string) => WordPressPortal.signIn({ siteUrl: `${site.origin}/${scenario}/`, username: ` ${USERNAME} `, appPassword: PASSWORD });

  it('reads the REST index, then users/me: the account, its role, and whether the address is insecure', async () => {
    const { portal: signedIn, account, insecure } = await signIn('ok');
    expect(signedIn.siteUrl).toBe(`${site.origin}/ok`);
    expect(insecure).toBe(false);
    expect(account).toEqual({
      userId: 7,
      username: USERNAME,
      name: 'Nguyễn Văn Hùng',
      roles: ['contributor'],
      role: 'reporter',
      can: { publish: false, uploadFiles: false, editOthers: false, manageCategories: false },
    });
    expect(site.seen.map((seen) => new URL(seen.url, site.origin).searchParams.get('rest_route'))).toEqual(['/', '/wp/v2/users/me']);
    expect(site.seen.every((seen) => seen.authorization === BASIC)).toBe(true);
  });

  it('refuses a bad address before any request', async () => {
    await expectCode(WordPressPortal.signIn({ siteUrl: 'ftp://cualo.vn', username: USERNAME, appPassword: PASSWORD }), 'PORTAL_BAD_URL');
    expect(site.seen).toEqual([]);
  });

  it('an HTML page, a 404 page or JSON without wp/v2 on the REST index → PORTAL_NOT_WORDPRESS', async () => {
    await expectCode(signIn('html'), 'PORTAL_NOT_WORDPRESS', { status: 200 });
    await expectCode(signIn('index-404'), 'PORTAL_NOT_WORDPRESS', { status: 404 });
    await expectCode(signIn('index-not-wp'), 'PORTAL_NOT_WORDPRESS', { status: 200 });
  });

  it('rest_disabled / rest_cannot_access, or a 403 page on the index → PORTAL_REST_DISABLED', async () => {
    await expectCode(signIn('rest-disabled'), 'PORTAL_REST_DISABLED', { status: 403, wpCode: 'rest_disabled' });
    await expectCode(signIn('rest-disabled-500'), 'PORTAL_REST_DISABLED', { status: 500, wpCode: 'rest_disabled' });
    await expectCode(signIn('rest-cannot-access'), 'PORTAL_REST_DISABLED', { status: 401, wpCode: 'rest_cannot_access' });
    await expectCode(signIn('index-waf'), 'PORTAL_REST_DISABLED', { status: 403 });
  });

  it('a credentials code on the index → PORTAL_AUTH; a server error → PORTAL_SERVER; a cross-origin redirect → PORTAL_REDIRECT', async () => {
    await expectCode(signIn('index-wrong-password'), 'PORTAL_AUTH', { wpCode: 'incorrect_password' });
    await expectCode(signIn('500'), 'PORTAL_SERVER', { status: 500 });
    await expectCode(signIn('redirect-elsewhere'), 'PORTAL_REDIRECT');
    expect(elsewhere.seen).toEqual([]);
  });

  it('keeps the password out of sight when the portal object is inspected or serialised', async () => {
    const { portal: signedIn } = await signIn('ok');
    const { inspect } = await import('node:util');
    for (const shown of [inspect(signedIn, { depth: 10, showHidden: true }), JSON.stringify(signedIn)]) {
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(BASIC.slice(6));
    }
  });
});
