import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type NewsdeskApp } from '../../../../src/main/app';
import sharp from 'sharp';
import { PHOTO_UPLOAD_PATH, startWebServer, TOKEN_HEADER, type WebServer } from '../../../../src/main/web/server';
import { useTempDataDir } from '../services/store/tempDataDir';

const newDataDir = useTempDataDir();
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';

let app: NewsdeskApp;
let server: WebServer;

beforeEach(async () => {
  const root = await newDataDir();
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")');
  // Files next to the renderer that a traversal would reach; none may ever be served.
  await writeFile(join(root, 'secret.txt'), 'SECRET');
  await mkdir(join(root, 'renderer-private'));
  await writeFile(join(root, 'renderer-private', 'x.txt'), 'SECRET');
  app = await createApp({ dataDir: join(root, 'data'), host: 'web', version: '0.0.0-test' });
  server = await startWebServer({ app, rendererDir, token: TOKEN });
});

afterEach(async () => {
  await server.close();
  await app.close();
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch forbids setting Host, Origin and Sec-Fetch-* ourselves. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

describe('startWebServer', () => {
  it('answers a call that has the token', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Newsdesk', host: 'web' } });
  });

  it('refuses a call with no token (401)', async () => {
    const reply = await send({ method: 'POST', path: '/api/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it.each([['wrong'], [`${TOKEN}x`], [TOKEN.slice(0, -1)], [TOKEN.toUpperCase()]])('refuses the token %j (401)', async (token) => {
    const reply = await api('app.info', {}, { [TOKEN_HEADER]: token });
    expect(reply.status).toBe(401);
  });

  it.each([['evil.example:80'], ['evil.example'], ['127.0.0.1'], ['127.0.0.1:1'], ['localhost.evil.example']])(
    'refuses Host %j, as after DNS rebinding (403), even with the token',
    async (host) => {
      const reply = await api('app.info', {}, { host });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { details: { reason: 'host' } } });
    },
  );

  it('accepts localhost:<port> as Host', async () => {
    expect((await api('app.info', {}, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([['https://evil.example'], ['http://127.0.0.1:1'], ['null']])('refuses Origin %j (403)', async (origin) => {
    const reply = await api('app.info', {}, { origin });
    expect(reply.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it.each([['cross-site'], ['same-site']])('refuses Sec-Fetch-Site: %s (403)', async (site) => {
    expect((await api('app.info', {}, { 'sec-fetch-site': site })).status).toBe(403);
    // Also for static files: a foreign page must not probe the renderer either.
    expect((await send({ path: '/', headers: { 'sec-fetch-site': site } })).status).toBe(403);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']])(
    'refuses content type %s (415): the kinds a cross-site form can send without preflight',
    async (type) => {
      const reply = await api('articles.create', { title: 'x' }, { 'content-type': type });
      expect(reply.status).toBe(415);
      expect(JSON.parse((await api('articles.list', {})).body)).toEqual({ ok: true, value: [] });
    },
  );

  it('refuses other methods on the API (405)', async () => {
    expect((await send({ method: 'GET', path: '/api/app.info', headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(405);
    expect((await send({ method: 'POST', path: '/api/events', headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(405);
  });

  it('turns malformed JSON and contract errors into typed answers', async () => {
    const broken = await send({
      method: 'POST',
      path: '/api/articles.create',
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.parse((await api('nope', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const malformed = await api('%E0%A4%A', {});
    expect(malformed.status).toBe(200);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it.each([
    ['/..%2Fsecret.txt'],
    ['/..%2F..%2Fsecret.txt'],
    ['/assets/..%2F..%2Fsecret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/..\\secret.txt'],
    ['/..%2Frenderer-private%2Fx.txt'],
    ['/..%5Csecret.txt'],
    ['/assets'],
    ['/no-such-file.js'],
    ['/%E0%A4%A'],
    ['/index.html%00.js'],
  ])('does not serve %s (404)', async (path) => {
    const reply = await send({ path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('SECRET');
  });

  it('serves index.html and assets with the CSP and hardening headers', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Newsdesk</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');

    const script = await send({ path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(csp);
  });

  it('listens on loopback only, and the URL carries the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
  });

  it('refuses the event stream without the token', async () => {
    expect((await send({ path: '/api/events' })).status).toBe(401);
  });

  it('streams articles.changed to a client that has the token', async () => {
    const frames = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: TOKEN } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // Subscribed once the first comment arrives; then cause an event.
            if (text.startsWith(': connected') && !text.includes('event:') && chunk.startsWith(': connected')) {
              void api('articles.create', { title: 'Tin nóng' });
            }
            if (text.includes('event: articles.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
      req.end();
      setTimeout(() => reject(new Error('no event within 5 s')), 5_000).unref();
    });
    const match = /event: articles\.changed\ndata: (.*)\n\n/.exec(frames);
    expect(match).not.toBeNull();
    const payload = JSON.parse(match![1]!) as { ids: string[]; reason: string };
    expect(payload.reason).toBe('created');
    expect(payload.ids).toHaveLength(1);
  });

  it('refuses a request with no Host header at all (HTTP/1.0), even with the token', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`POST /api/app.info HTTP/1.0\r\n${TOKEN_HEADER}: ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`);
      });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it.each([
    ['POST', '/api/media.upload', 'application/octet-stream'],
    ['PUT', '/api/media.upload', 'application/octet-stream'],
    ['GET', '/api/app.info', 'application/json'],
    ['POST', '/api/', 'application/json'],
    ['POST', '/api/articles.create/../app.info', 'application/json'],
    ['DELETE', '/api/articles.delete', 'application/json'],
  ])('any route under /api/, present or future, wants the token first: %s %s (401)', async (method, path, type) => {
    const reply = await send({ method, path, headers: { 'content-type': type }, body: 'x'.repeat(64) });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { details: { reason: 'token' } } });
  });

  it('a foreign Origin is refused before the token is even looked at (no oracle for a guessed token)', async () => {
    const reply = await api('app.info', {}, { origin: 'https://evil.example', [TOKEN_HEADER]: 'guess' });
    expect(reply.status).toBe(403);
  });
});

describe('startWebServer body limits', () => {
  let small: WebServer;
  beforeEach(async () => {
    small = await startWebServer({ app, rendererDir: join(await newDataDir(), 'renderer'), token: TOKEN, maxBodyBytes: 1024 });
  });
  afterEach(async () => {
    await small.close();
  });

  function post(headers: Record<string, string>, body: string | Buffer[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: small.port,
          method: 'POST',
          path: '/api/articles.create',
          headers: { host: `127.0.0.1:${small.port}`, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      // The server may close while we still write the rest of an oversized body.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      if (typeof body === 'string') req.end(body);
      else {
        for (const chunk of body) req.write(chunk);
        req.end();
      }
    });
  }

  it('refuses a declared Content-Length over the limit before reading it (413)', async () => {
    const reply = await post({ 'content-length': String(10 * 1024 * 1024) }, '{}');
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
  });

  it('refuses a chunked body that grows past the limit (413), and nothing is created', async () => {
    const title = 'x'.repeat(4096);
    const reply = await post({ 'transfer-encoding': 'chunked' }, [Buffer.from(`{"title":"${title.slice(0, 2000)}`), Buffer.from(`${title.slice(2000)}"}`)]);
    expect(reply.status).toBe(413);
    expect(JSON.parse((await api('articles.list', {})).body)).toEqual({ ok: true, value: [] });
  });

  it('accepts a body under the limit', async () => {
    const reply = await post({}, JSON.stringify({ title: 'Tin ngắn' }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { title: 'Tin ngắn' } });
  });
});

describe('the photo upload route', () => {
  function upload(body: Buffer, headers: Record<string, string> = {}, name = 'Ảnh số 1.jpg'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `${PHOTO_UPLOAD_PATH}?name=${encodeURIComponent(name)}`,
          headers: { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/octet-stream', ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  const jpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();

  it('imports a binary body (not base64 JSON) to the photo desk, and the same bytes again add nothing', async () => {
    const bytes = await jpeg();
    const first = await upload(bytes);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ ok: true, value: { kind: 'imported', name: 'Ảnh số 1.jpg', photo: { width: 64, height: 48, bytes: bytes.length } } });
    expect(JSON.parse((await upload(bytes)).body)).toMatchObject({ ok: true, value: { kind: 'duplicate' } });
    expect(JSON.parse((await api('photos.list', {})).body).value).toHaveLength(1);
  });

  it('answers a file that is not a photo with its refusal, as a value', async () => {
    const reply = JSON.parse((await upload(Buffer.from('not a photo'))).body);
    expect(reply).toEqual({ ok: true, value: { kind: 'refused', name: 'Ảnh số 1.jpg', code: 'MEDIA_INVALID', reason: 'decode' } });
  });

  it('refuses an upload without the token, from another origin, or as JSON', async () => {
    const bytes = await jpeg();
    expect((await upload(bytes, { [TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect((await upload(bytes, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(bytes, { host: 'evil.example' })).status).toBe(403);
    expect((await upload(bytes, { 'content-type': 'application/json' })).status).toBe(415);
    expect(JSON.parse((await api('photos.list', {})).body).value).toEqual([]);
  });
});
