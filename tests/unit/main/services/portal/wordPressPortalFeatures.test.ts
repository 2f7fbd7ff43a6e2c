// How WordPressPortal finds the companion plugin and what it sends because of it, over a fetch
// that answers as WordPress (with or without the plugin) does. The real plugin on a real WordPress
// is tested in tests/portal (NEWSDESK_PORTAL_PLUGIN=1).
import { describe, expect, it } from 'vitest';
import { WordPressPortal } from '../../../../../src/main/services/portal/WordPressPortal';
import { isNewsdeskError } from '../../../../../src/shared/errors';

interface Sent {
  route: string;
  method: string;
  newsdesk: Record<string, string>;
}

const POST = {
  id: 7,
  status: 'pending',
  link: 'http://127.0.0.1:9/?p=7',
  author: 2,
  modified_gmt: '2026-12-02T08:00:00',
  date_gmt: null,
  title: { raw: 'Tin' },
  content: { raw: '<!-- newsdesk:sync 0123456789abcdef0123456789abcdef -->' },
  excerpt: { raw: '' },
};
const KEY = '0123456789abcdef0123456789abcdef';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A site; `answer` decides per route (undefined: the default answers below). */
function site(answer: (route: string, sent: Sent) => Response | undefined = () => undefined) {
  const sent: Sent[] = [];
  const fetchFake: typeof fetch = (input, init) => {
    const route = new URL(String(input)).searchParams.get('rest_route') ?? '';
    const newsdesk: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      if (name.startsWith('x-newsdesk-')) newsdesk[name] = value;
    });
    const request = { route, method: init?.method ?? 'GET', newsdesk };
    sent.push(request);
    const custom = answer(route, request);
    if (custom) return Promise.resolve(custom);
    if (route === '/') return Promise.resolve(json({ namespaces: ['oembed/1.0', 'wp/v2'] }));
    return Promise.resolve(json(POST, request.method === 'POST' && route === '/wp/v2/posts' ? 201 : 200));
  };
  const portal = new WordPressPortal({ siteUrl: 'http://127.0.0.1:9', username: 'u', appPassword: 'p', fetch: fetchFake });
  return { portal, sent };
}

const withPlugin = (route: string): Response | undefined => {
  if (route === '/') return json({ namespaces: ['wp/v2', 'newsdesk/v1'] });
  if (route === '/newsdesk/v1/info') return json({ version: '1.1.0', features: ['idempotency-key', 'if-unmodified', 'revision'] });
  return undefined;
};

describe('WordPressPortal and the companion plugin', () => {
  it('without the plugin: one look at the REST index per session, and no X-Newsdesk header on any write', async () => {
    const { portal, sent } = site();
    expect(await portal.features()).toEqual({ idempotentCreate: false, conditionalUpdate: false });
    await portal.createPost({ title: 'Tin', content: POST.content.raw, excerpt: '', status: 'pending' }, KEY);
    await portal.updatePost(7, { title: 'Tin' }, { modifiedGmt: POST.modified_gmt, revision: 3 });
    expect(sent.map((request) => `${request.method} ${request.route}`)).toEqual(['GET /', 'POST /wp/v2/posts', 'POST /wp/v2/posts/7']);
    expect(sent.every((request) => Object.keys(request.newsdesk).length === 0)).toBe(true);
  });

  it('with it: the key on a create, the version on an update; a replayed create is brought to the fields sent', async () => {
    let creates = 0;
    const { portal, sent } = site((route, request) => {
      if (route === '/wp/v2/posts' && request.method === 'POST' && (creates += 1) === 2) return json(POST, 200, { 'X-Newsdesk-Replayed': '1' });
      return withPlugin(route);
    });
    const fields = { title: 'Tin', content: POST.content.raw, excerpt: '', status: 'pending' as const };
    expect((await portal.createPost(fields, KEY)).replayed).toBeUndefined();
    expect((await portal.createPost(fields, KEY)).replayed).toBe(true);
    await portal.updatePost(7, { title: 'Tin' }, { modifiedGmt: POST.modified_gmt, revision: 3 });
    expect(sent.map((request) => `${request.method} ${request.route}`)).toEqual([
      'GET /',
      'GET /newsdesk/v1/info',
      'POST /wp/v2/posts',
      'POST /wp/v2/posts',
      // The replay's follow-up: unconditional, as the stock recovery's update is.
      'POST /wp/v2/posts/7',
      'POST /wp/v2/posts/7',
    ]);
    expect(sent[2]!.newsdesk).toEqual({ 'x-newsdesk-key': KEY });
    expect(sent[4]!.newsdesk).toEqual({});
    expect(sent[5]!.newsdesk).toEqual({ 'x-newsdesk-if-unmodified': POST.modified_gmt, 'x-newsdesk-if-revision': '3' });
  });

  it("the plugin's 412 newsdesk_modified → PORTAL_CHANGED (retried, not a refusal)", async () => {
    const { portal } = site((route, request) =>
      route === '/wp/v2/posts/7' && request.method === 'POST'
        ? json({ code: 'newsdesk_modified', message: 'changed', data: { status: 412, modified_gmt: '2026-12-02T08:00:05' } }, 412)
        : withPlugin(route),
    );
    const error = await portal.updatePost(7, { title: 'Tin' }, { modifiedGmt: POST.modified_gmt }).catch((caught: unknown) => caught);
    expect(isNewsdeskError(error) && error.code).toBe('PORTAL_CHANGED');
  });

  it('a question that settles nothing (a captive page, a 500) is asked again, and meanwhile the stock path is taken', async () => {
    let infos = 0;
    const { portal, sent } = site((route) => {
      if (route === '/newsdesk/v1/info' && (infos += 1) === 1) return new Response('<html>Đăng nhập Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      if (route === '/newsdesk/v1/info' && infos === 2) return json({ code: 'internal_server_error' }, 500);
      return withPlugin(route);
    });
    expect(await portal.features()).toEqual({ idempotentCreate: false, conditionalUpdate: false });
    expect(await portal.features()).toEqual({ idempotentCreate: false, conditionalUpdate: false });
    expect(await portal.features()).toEqual({ idempotentCreate: true, conditionalUpdate: true });
    await portal.features();
    expect(sent.filter((request) => request.route === '/newsdesk/v1/info')).toHaveLength(3);
    // The index was read once: its answer was good.
    expect(sent.filter((request) => request.route === '/')).toHaveLength(1);
  });

  it('a user the plugin gives no info (403: may not write) gets none, once', async () => {
    const { portal, sent } = site((route) => (route === '/newsdesk/v1/info' ? json({ code: 'rest_forbidden' }, 403) : withPlugin(route)));
    expect(await portal.features()).toEqual({ idempotentCreate: false, conditionalUpdate: false });
    await portal.features();
    expect(sent.filter((request) => request.route === '/newsdesk/v1/info')).toHaveLength(1);
  });
});
