// The fault proxy against a real WordPress: every fault as a client (fetch) meets it, and the case
// the sync engine must handle — WordPress committed a write while the client saw only a failure.
import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from './harness/FaultProxy';
import { portalSkipReason } from './harness/portalSkipReason';
import { accepts } from './harness/startMariaDb';
import { startWordPress, type WordPress } from './harness/startWordPress';

interface PostBody {
  id: number;
  title: { raw?: string };
}

const skip = portalSkipReason();
/** Replay a run with FAULT_PROXY_SEED=<the seed it printed>. */
const SEED = Number(process.env.FAULT_PROXY_SEED ?? randomInt(1, 2 ** 31));
const CONTENT = '<!-- wp:paragraph -->\n<p>Điểm cầu tại Sở Thông tin và Truyền thông kết nối với 12 phường, xã.</p>\n<!-- /wp:paragraph -->';

let wp: WordPress;
let proxy: FaultProxy | null = null;
let titleCount = 0;

async function openProxy(options: Omit<FaultProxyOptions, 'upstream'> = {}): Promise<FaultProxy> {
  proxy = await startFaultProxy({ upstream: wp.baseUrl, seed: SEED, ...options });
  return proxy;
}

/** A title no other test uses, so WordPress can be asked whether that post exists. */
function newTitle(): string {
  titleCount += 1;
  return `Cửa Lò tổ chức hội nghị giao ban quý III (lần ${titleCount})`;
}

/** The contributor creates a pending post through the proxy, as the sync engine's push does. */
function createThrough(through: FaultProxy, title: string, signal?: AbortSignal): Promise<Response> {
  return fetch(through.proxied(wp.restUrl('/wp/v2/posts')), {
    method: 'POST',
    headers: { authorization: wp.authorization(wp.users.contributor), 'content-type': 'application/json' },
    body: JSON.stringify({ title, content: CONTENT, status: 'pending' }),
    signal,
  });
}

function getThrough(through: FaultProxy, route: string, query: Record<string, string | number> = {}): Promise<Response> {
  return fetch(through.proxied(wp.restUrl(route, query)), { headers: { authorization: wp.authorization(wp.users.editor) } });
}

/** The ids of the posts with exactly this title, asked of WordPress directly (not through the proxy). */
async function postsTitled(title: string): Promise<number[]> {
  const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', { query: { status: 'any', context: 'edit', per_page: 100, search: title } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as PostBody[]).filter((post) => post.title.raw === title).map((post) => post.id);
}

/** Polls a condition the test cannot be told about (WordPress has no events); fails after `timeoutMs`. */
async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('until: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe.skipIf(skip !== null)('FaultProxy in front of a real WordPress', () => {
  beforeAll(async () => {
    console.log(`fault proxy seed ${SEED} (replay with FAULT_PROXY_SEED=${SEED})`);
    wp = await startWordPress();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = null;
  });
  afterAll(async () => {
    await wp?.stop();
  });

  it('passes requests through: Basic auth, a media upload byte for byte both ways, redirects and links pointed at the proxy', async () => {
    const through = await openProxy();
    const me = await getThrough(through, '/wp/v2/users/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: number }).id).toBe(wp.users.editor.id);

    // Noise compresses badly: a 640×480 JPEG of a few hundred KB, made by a real encoder.
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality: 92 })
      .toBuffer();
    expect(jpeg.length).toBeGreaterThan(200_000);
    const upload = await fetch(through.proxied(wp.restUrl('/wp/v2/media')), {
      method: 'POST',
      headers: {
        authorization: wp.authorization(wp.users.author),
        'content-type': 'image/jpeg',
        'content-disposition': 'attachment; filename="hoi-nghi-giao-ban-quy-3.jpg"',
      },
      body: jpeg,
    });
    const media = (await upload.json()) as { source_url: string; media_details: { filesize?: number } };
    expect(upload.status, JSON.stringify(media)).toBe(201);
    // The file WordPress stored has the bytes sent…
    const stored = readFileSync(join(wp.siteDir, new URL(media.source_url).pathname));
    expect(sha256(stored)).toBe(sha256(jpeg));
    // …and comes back through the proxy with the same bytes (the body's URL names the upstream).
    expect(media.source_url.startsWith(wp.baseUrl)).toBe(true);
    const download = await fetch(through.proxied(media.source_url));
    expect(download.status).toBe(200);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(jpeg));

    // WordPress builds redirects from its own URL; the proxy points them back at itself.
    const login = await fetch(`${through.url}/wp-admin/`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toMatch(new RegExp(`^${through.url}/wp-login\\.php\\?`));
    const index = await fetch(`${through.url}/`);
    await index.arrayBuffer();
    expect(index.headers.get('link')).toContain(`<${through.url}/index.php?rest_route=/>`);
    expect(index.headers.get('link')).not.toContain(wp.baseUrl);

    expect(through.stats()).toMatchObject({ requests: 5, forwarded: 5, upstreamErrors: 0 });
    expect(through.stats().byMethod.POST).toMatchObject({ requests: 1, forwarded: 1 });
  });

  it('drop: the client sees a network error and WordPress never sees the request; other methods pass', async () => {
    const through = await openProxy({ methods: ['POST'] });
    through.force('drop', 1);
    // A GET is not a fault method: it passes and leaves the forced drop for the POST.
    expect((await getThrough(through, '/wp/v2/users/me')).status).toBe(200);
    const title = newTitle();
    await expect(createThrough(through, title)).rejects.toThrow(TypeError);
    expect(await postsTitled(title)).toEqual([]);
    expect(through.stats()).toMatchObject({ requests: 2, forwarded: 1, faults: { drop: 1 } });
    expect(through.stats().byMethod.POST).toMatchObject({ requests: 1, forwarded: 0, faults: { drop: 1 } });
    expect(through.stats().byMethod.GET).toMatchObject({ requests: 1, forwarded: 1, faults: { drop: 0 } });
  });

  it('delay: the answer comes after the hold; a client that gives up meanwhile never has its request sent on', async () => {
    const through = await openProxy({ delayMs: 1500 });
    through.force('delay', 1);
    const started = Date.now();
    expect((await getThrough(through, '/wp/v2/users/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);

    through.force('delay', 1);
    const title = newTitle();
    await expect(createThrough(through, title, AbortSignal.timeout(300))).rejects.toThrow(expect.objectContaining({ name: 'TimeoutError' }) as Error);
    // The hold runs to its end, then the proxy finds the client gone and does not forward.
    await through.idle();
    expect(through.stats()).toMatchObject({ requests: 2, forwarded: 1, abandoned: 1, faults: { delay: 2 } });
    expect(await postsTitled(title)).toEqual([]);
  });

  it('delayResponse: WordPress writes at once while the client waits; a client that gives up finds the post made anyway', async () => {
    const through = await openProxy({ delayMs: 2500 });
    through.force('delayResponse', 1);
    const title = newTitle();
    const giveUp = new AbortController();
    let settled = false;
    const pending = createThrough(through, title, giveUp.signal).finally(() => {
      settled = true;
    });
    await until(async () => (await postsTitled(title)).length === 1);
    expect(settled).toBe(false);
    giveUp.abort();
    await expect(pending).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }) as Error);
    await through.idle();
    expect(await postsTitled(title)).toHaveLength(1);
    expect(through.stats()).toMatchObject({ requests: 1, forwarded: 1, faults: { delayResponse: 1 } });

    through.force('delayResponse', 1);
    const started = Date.now();
    expect((await getThrough(through, '/wp/v2/users/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
  });

  it('status: 500, 502 and 503 as WordPress JSON or an nginx HTML page, and nothing forwarded', async () => {
    const through = await openProxy();
    const cases = [
      { status: 500, statusBody: 'json' },
      { status: 502, statusBody: 'html' },
      { status: 503, statusBody: 'json' },
      { status: 503, statusBody: 'html' },
    ] as const;
    const titles: string[] = [];
    for (const variant of cases) {
      through.force('status', 1, variant);
      const title = newTitle();
      titles.push(title);
      const response = await createThrough(through, title);
      expect(response.status).toBe(variant.status);
      const text = await response.text();
      if (variant.statusBody === 'json') {
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(JSON.parse(text)).toMatchObject({ code: 'internal_server_error', data: { status: variant.status } });
      } else {
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(text).toContain(`<center><h1>${variant.status} `);
        expect(text).toContain('<center>nginx/');
      }
    }
    for (const title of titles) expect(await postsTitled(title)).toEqual([]);
    expect(through.stats()).toMatchObject({ requests: 4, forwarded: 0, faults: { status: 4 } });
  });

  it('html: a 200 captive-portal or maintenance page where JSON was expected, and nothing forwarded', async () => {
    const through = await openProxy();
    for (const page of ['captive', 'maintenance'] as const) {
      through.force('html', 1, { page });
      const response = await getThrough(through, '/wp/v2/users/me');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await response.text();
      expect(text).toContain(page === 'captive' ? 'Đăng nhập Wi-Fi' : 'đang bảo trì');
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    }
    expect(through.stats()).toMatchObject({ requests: 2, forwarded: 0, faults: { html: 2 } });
  });

  it('trickle: the same bytes as WordPress sent, a few at a time with pauses', async () => {
    const through = await openProxy({ trickleBytes: 16, tricklePauseMs: 5 });
    const created = await wp.rest(wp.users.editor, 'POST', '/wp/v2/posts', { json: { title: newTitle(), content: CONTENT, status: 'draft' } });
    const route = `/wp/v2/posts/${(created.body as PostBody).id}`;
    const direct = new Uint8Array(await (await fetch(wp.restUrl(route, { context: 'edit' }), { headers: { authorization: wp.authorization(wp.users.editor) } })).arrayBuffer());

    through.force('trickle', 1);
    const started = Date.now();
    const response = await getThrough(through, route, { context: 'edit' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(direct.length));
    const chunks: Uint8Array[] = [];
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    const elapsed = Date.now() - started;
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(direct));
    const writes = Math.ceil(direct.length / 16);
    expect(writes).toBeGreaterThan(50);
    // A loaded client may read two writes at once; an answer sent whole arrives in one or two.
    expect(chunks.length).toBeGreaterThan(10);
    expect(elapsed).toBeGreaterThanOrEqual((writes - 1) * 5 * 0.8);
  });

  it('cutAfterCommit on POST /wp/v2/posts: WordPress created the post, the client saw a failure (with and without headers)', async () => {
    const through = await openProxy();
    through.force('cutAfterCommit', 1, { afterHeaders: false });
    const silent = newTitle();
    await expect(createThrough(through, silent)).rejects.toThrow(TypeError);
    expect(await postsTitled(silent)).toHaveLength(1);

    through.force('cutAfterCommit', 1, { afterHeaders: true });
    const headersOnly = newTitle();
    const response = await createThrough(through, headersOnly);
    expect(response.status).toBe(201);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(await postsTitled(headersOnly)).toHaveLength(1);
    expect(through.stats()).toMatchObject({ requests: 2, forwarded: 2, faults: { cutAfterCommit: 2 } });
  });

  it('offline: every connection is closed, an open keep-alive one too, until back online', async () => {
    const through = await openProxy();
    expect((await getThrough(through, '/wp/v2/users/me')).status).toBe(200); // leaves a kept-alive socket
    through.setOffline(true);
    await expect(getThrough(through, '/wp/v2/users/me')).rejects.toThrow(TypeError);
    const title = newTitle();
    await expect(createThrough(through, title)).rejects.toThrow(TypeError);
    expect(await postsTitled(title)).toEqual([]);
    expect(through.stats().forwarded).toBe(1);
    expect(through.stats().refusedOffline).toBeGreaterThanOrEqual(2);
    through.setOffline(false);
    expect((await getThrough(through, '/wp/v2/users/me')).status).toBe(200);
    expect(through.stats().forwarded).toBe(2);

    // The network going away mid-answer cuts the answer.
    through.force('trickle', 1);
    const trickling = await getThrough(through, '/wp/v2/users/me');
    expect(trickling.status).toBe(200);
    through.setOffline(true);
    await expect(trickling.text()).rejects.toThrow(TypeError);
    through.setOffline(false);
  });

  it('draws faults at the given rates from the seed: the same seed gives the same faults, and other methods draw nothing', async () => {
    const outcomes = async (through: FaultProxy, interleaveOptions: boolean): Promise<string[]> => {
      const seen: string[] = [];
      for (let i = 0; i < 30; i += 1) {
        if (interleaveOptions) {
          const options = await fetch(through.proxied(wp.restUrl('/wp/v2/users/me')), { method: 'OPTIONS' });
          await options.arrayBuffer();
          expect(options.status).toBe(200);
        }
        const response = await getThrough(through, '/wp/v2/users/me');
        await response.arrayBuffer();
        seen.push(`${response.status} ${response.headers.get('content-type')?.split(';')[0]}`);
      }
      return seen;
    };
    const first = await openProxy({ methods: ['GET'] });
    first.setRates({ status: 0.3, html: 0.3 });
    const firstOutcomes = await outcomes(first, false);
    const firstStats = first.stats();
    await first.close();
    const second = await openProxy({ methods: ['GET'], rates: { status: 0.3, html: 0.3 } });
    const secondOutcomes = await outcomes(second, true);

    expect(secondOutcomes).toEqual(firstOutcomes);
    expect(firstStats.faults.status).toBeGreaterThan(0);
    expect(firstStats.faults.html).toBeGreaterThan(0);
    expect(firstStats.forwarded).toBeGreaterThan(0);
    expect(firstStats.faults.status + firstStats.faults.html + firstStats.forwarded).toBe(30);
    expect(second.stats().byMethod.OPTIONS).toMatchObject({ requests: 30, forwarded: 30, faults: { status: 0, html: 0 } });
    expect(second.stats().byMethod.GET).toEqual(firstStats.byMethod.GET);
  });

  it('close() ends a held request at once and leaves no listener', async () => {
    const through = await openProxy({ delayMs: 60_000 });
    through.force('delay', 1);
    const title = newTitle();
    const pending = createThrough(through, title);
    await until(() => through.stats().requests === 1);
    const started = Date.now();
    await through.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(pending).rejects.toThrow(TypeError);
    expect(await accepts(Number(new URL(through.url).port))).toBe(false);
    expect(through.stats().forwarded).toBe(0);
    expect(await postsTitled(title)).toEqual([]);
  });
});
