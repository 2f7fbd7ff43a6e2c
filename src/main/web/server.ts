import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { AppEndpoint } from '../app';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { declaresTooLarge, hasToken, refusalFor } from './requestGuard';

export interface WebServerOptions {
  app: AppEndpoint;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 or undefined: any free port. */
  port?: number;
  /** Tests may fix it; otherwise a random 256-bit token per launch. */
  token?: string;
  /** Largest JSON body accepted (default 32 MiB); tests lower it. */
  maxBodyBytes?: number;
}

export interface WebServer {
  port: number;
  token: string;
  /** The URL to open; the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-newsdesk-token';
/** POST, `application/octet-stream`, `?name=<file name>`: the web edition's photo upload. */
export const PHOTO_UPLOAD_PATH = '/api/upload/photo';
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;


const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The web edition host: the same renderer and the same contract as the desktop app, over HTTP on
 * 127.0.0.1 only. Every API call needs the per-launch token; the Host header must name this
 * loopback server (defeats DNS rebinding) and a browser Origin must be this server's (defeats
 * cross-site requests from any page the user has open).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  const streams = new Set<ServerResponse>();

  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const refusal = refusalFor(req, port);
    if (refusal) return refuse(res, 403, refusal);

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // Every route under /api/, present or future, needs the token, checked before anything else.
    if (url.pathname.startsWith('/api/') && !hasToken(req, TOKEN_HEADER, tokenBytes)) return refuse(res, 401, 'token');
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'method');
      return openEventStream(res);
    }
    if (url.pathname === PHOTO_UPLOAD_PATH) {
      // One photo's bytes as the body: streamed to the desk's importer, never parsed as JSON.
      if (req.method !== 'POST') return refuse(res, 405, 'method');
      if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) return refuse(res, 415, 'content-type');
      const name = url.searchParams.get('name') ?? '';
      if (name.length > 255) return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', details: { reason: 'name' } } });
      return sendJson(res, 200, await options.app.uploadPhoto(name, req));
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'method');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'content-type');
      if (declaresTooLarge(req, maxBodyBytes)) return tooLarge(res);
      const body = await readBody(req, maxBodyBytes);
      if (body === null) return tooLarge(res);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', details: { reason: 'json' } } });
      }
      const rawChannel = url.pathname.slice('/api/'.length);
      // A malformed escape is simply not a channel name: the app answers UNKNOWN_CHANNEL.
      const channel = safeDecode(rawChannel) ?? rawChannel;
      return sendJson(res, 200, await options.app.invoke(channel, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method');
    return serveStatic(url.pathname, res);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : safeDecode(pathname)?.replace(/^\/+/, '');
    if (relative === undefined) return refuse(res, 404, 'path');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return refuse(res, 404, 'path');
    try {
      const info = await stat(file);
      if (!info.isFile()) return refuse(res, 404, 'path');
      const data = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(data);
    } catch {
      refuse(res, 404, 'path');
    }
  }

  const unsubscribe = options.app.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** `decodeURIComponent`, but a malformed escape (`%E0%A4%A`) gives undefined instead of throwing. */
function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

/** 413, and the connection closes: the rest of an oversized body is not read. */
function tooLarge(res: ServerResponse): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', details: { reason: 'too-large' } } });
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  sendJson(res, status, { ok: false, error: { code: 'UNAUTHORIZED', details: { reason } } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The body as text, or null as soon as it passes `maxBytes` (a chunked body declares no length). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop buffering at once; the 413 is sent with `connection: close`.
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
