import { NewsdeskError, isNewsdeskError } from '../../../shared/errors';

export interface PortalHttpOptions {
  /** The only origin anything is fetched from, and the only one credentials are sent to. */
  origin: string;
  username: string;
  appPassword: string;
  fetch: typeof fetch;
  /** For the whole exchange: every redirect hop and the reading of the body. */
  timeoutMs: number;
}

export interface PortalRequest {
  method: 'GET' | 'POST';
  url: string;
  /** What error details name: the REST route or the path, never the query. */
  route: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** The answer's body is read up to this many bytes; beyond, the exchange is aborted. */
  maxBytes: number;
  /** Send the application password (REST calls); downloads of public files go without. */
  authenticate: boolean;
}

export interface PortalAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Only these keep method and body by definition; a write is never replayed as something else. */
const METHOD_PRESERVING_REDIRECTS = new Set([307, 308]);
const MAX_REDIRECTS = 3;

/**
 * One HTTP exchange with the portal, with the rules that keep the application password on the
 * site: every URL (and every redirect hop) must be on the site's origin or nothing is sent;
 * redirects are followed by hand (`redirect: 'manual'`), at most three, and only same-origin; a
 * timeout and a size cap bound every answer. It maps only what it sees itself (no answer,
 * refused redirect, oversized body); what the status means is the caller's business.
 */
export class PortalHttp {
  readonly origin: string;
  // Private fields: util.inspect and JSON.stringify of this object never show them.
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: PortalHttpOptions) {
    this.origin = options.origin;
    this.#authorization = `Basic ${Buffer.from(`${options.username}:${options.appPassword}`, 'utf8').toString('base64')}`;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
  }

  async exchange(request: PortalRequest): Promise<PortalAnswer> {
    const { route } = request;
    let url = new URL(request.url);
    if (url.origin !== this.origin) throw new NewsdeskError('PORTAL_REDIRECT', { route });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      for (let hops = 0; ; hops += 1) {
        const headers = new Headers(request.headers);
        // Checked above and before every hop below: this line only ever runs for the site's origin.
        if (request.authenticate) headers.set('Authorization', this.#authorization);
        const response = await this.#fetch(url.href, {
          method: request.method,
          headers,
          // Any Uint8Array is a valid body; the DOM typings ask for one over an ArrayBuffer only.
          ...(request.body === undefined ? {} : { body: request.body as RequestInit['body'] }),
          redirect: 'manual',
          signal: controller.signal,
        });
        if (!REDIRECT_STATUSES.has(response.status)) {
          const bytes = await readCapped(response, request.maxBytes, route, controller);
          return { status: response.status, headers: response.headers, bytes };
        }
        await response.body?.cancel().catch(() => undefined);
        url = this.nextHop(response, url, request.method, route, hops);
      }
    } catch (error) {
      if (isNewsdeskError(error)) throw error;
      // Never the underlying error: its message or cause may quote the URL or the server.
      throw new NewsdeskError('PORTAL_UNREACHABLE', { reason: timedOut ? 'timeout' : 'network', route });
    } finally {
      clearTimeout(timer);
    }
  }

  private nextHop(response: Response, from: URL, method: string, route: string, hops: number): URL {
    const status = response.status;
    const location = response.headers.get('location');
    if (location === null) throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'redirect-without-location', status, route });
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'redirect-unparsable', status, route });
    }
    // Another host, port or scheme (https → http included) never gets a request from us.
    if (next.origin !== this.origin) throw new NewsdeskError('PORTAL_REDIRECT', { status, route });
    // A 301/302/303 would turn a write into a GET whose answer could look like success.
    if (method !== 'GET' && !METHOD_PRESERVING_REDIRECTS.has(status)) throw new NewsdeskError('PORTAL_REDIRECT', { status, route });
    if (hops >= MAX_REDIRECTS) throw new NewsdeskError('PORTAL_SERVER', { reason: 'redirect-loop', status, route });
    return next;
  }
}

async function readCapped(response: Response, maxBytes: number, route: string, controller: AbortController): Promise<Uint8Array> {
  const tooLarge = () => {
    controller.abort();
    return new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'too-large', status: response.status, route });
  };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
