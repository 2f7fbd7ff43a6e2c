import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The web edition's checks on every request, before any route: kept apart from the routes so a
 * new route (an upload, say) cannot be added without them. See docs/security.md.
 */
export type Refusal = 'host' | 'origin';

/**
 * Host must name this loopback server (a rebound DNS name such as evil.example → 127.0.0.1 is
 * refused); a browser's Origin, if sent, must be this server; Sec-Fetch-Site must not say the
 * request comes from another site. A missing Host (HTTP/1.0) is refused too.
 */
export function refusalFor(req: IncomingMessage, port: number): Refusal | null {
  const host = req.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return 'host';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return 'origin';
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return 'origin';
  return null;
}

/** The per-launch token, compared in constant time; only a single header value counts. */
export function hasToken(req: IncomingMessage, header: string, token: Buffer): boolean {
  const given = req.headers[header];
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given);
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}

/** A declared Content-Length over the limit: refused before a byte of the body is read. */
export function declaresTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > maxBytes;
}
