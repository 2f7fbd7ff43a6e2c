import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';

/**
 * The faults a request can meet between Newsdesk and the portal. `offline` is not among them: it
 * is a state of the whole network (setOffline), not something drawn per request.
 */
export const FAULT_KINDS = ['drop', 'delay', 'delayResponse', 'status', 'html', 'trickle', 'cutAfterCommit'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultStatus = 500 | 502 | 503;
const FAULT_STATUSES: readonly FaultStatus[] = [500, 502, 503];

/** Which variant of a fault; what a force() leaves out is drawn from the seeded PRNG. */
export interface FaultVariant {
  /** `status`: the code answered. */
  status?: FaultStatus;
  /** `status`: a small JSON body (as WordPress's fatal-error handler sends) or nginx's HTML page. */
  statusBody?: 'json' | 'html';
  /** `html`: a hotel Wi-Fi login page or a "site under maintenance" page, both with 200. */
  page?: 'captive' | 'maintenance';
  /** `cutAfterCommit`: send upstream's status line and headers before cutting (no body). */
  afterHeaders?: boolean;
  /**
   * `delay` (forced only): called when the request is held, and the hold lasts until `until`
   * settles instead of `delayMs` — a test changes the portal while a client's write waits.
   */
  onHold?: () => void;
  until?: Promise<unknown>;
}

export interface FaultProxyOptions {
  /** The WordPress the proxy stands in front of: http://127.0.0.1:PORT (no path). */
  upstream: string;
  /** PRNG seed; print `proxy.seed` in the test so a failing run can be replayed. Default: random. */
  seed?: number;
  /** Probability per request of each fault; their sum must be ≤ 1. Default: none. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Methods faults apply to (drawn and forced alike); others always pass. Default: all. */
  methods?: string[];
  /**
   * How long `delay` holds the request and `delayResponse` the answer. Default 1000 ms. A client
   * meant to give up during a `delay` should do so well inside it: its close must reach the proxy.
   */
  delayMs?: number;
  /** `trickle`: bytes per write and the pause between writes. Default 16 bytes every 5 ms. */
  trickleBytes?: number;
  tricklePauseMs?: number;
  /**
   * Also rewrite the upstream origin in text and JSON response bodies (plain and JSON-escaped,
   * `http:\/\/…`), as a reverse proxy's sub_filter does, so that a client following a post's
   * `link` or a photo's `source_url` stays behind the proxy (and its same-origin checks hold).
   */
  rewriteBodies?: boolean;
}

export interface MethodStats {
  requests: number;
  forwarded: number;
  faults: Record<FaultKind, number>;
}

export interface FaultProxyStats {
  /** Requests that reached the proxy (not those refused while offline). */
  requests: number;
  /** Requests sent on to the upstream: the only ones WordPress could have acted on. */
  forwarded: number;
  faults: Record<FaultKind, number>;
  byMethod: Record<string, MethodStats>;
  /** Connections, and requests on open connections, closed because the proxy was offline. */
  refusedOffline: number;
  /** `delay`ed requests not forwarded because the client had gone when the delay ended. */
  abandoned: number;
  /** Upstream unreachable or broken: the client's socket was destroyed (never a fault of ours). */
  upstreamErrors: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT — talk to WordPress through this. */
  url: string;
  seed: number;
  /**
   * The same URL through the proxy. Bodies are forwarded untouched, so the links WordPress writes
   * into them (a post's `link`, a media item's `source_url`, `_links`) name the upstream; a test
   * that follows one maps it with this. Redirects and Link headers are rewritten by the proxy.
   */
  proxied(upstreamUrl: string): string;
  /** Makes the next `count` requests (of the fault methods) meet `kind`, before any drawn fault. */
  force(kind: FaultKind, count?: number, variant?: FaultVariant): void;
  setRates(rates: Partial<Record<FaultKind, number>>): void;
  /** While true every connection is closed at once, open ones included: the network is gone. */
  setOffline(offline: boolean): void;
  stats(): FaultProxyStats;
  /** Every request that reached the proxy, in order (what a test asserts a client sent). */
  seen(): SeenRequest[];
  /** Resolves once no request is in the proxy (held, forwarded or trickling). */
  idle(): Promise<void>;
  /**
   * Closes the listener and every client socket and cancels every hold (held requests are not
   * forwarded); a request already forwarded gets its answer from WordPress first. Nothing is left.
   */
  close(): Promise<void>;
}

export interface SeenRequest {
  method: string;
  /** Path and query as sent (`/index.php?rest_route=…`). */
  url: string;
  /** The request's `X-Newsdesk-*` headers (lowercase names); no other header is kept (credentials). */
  newsdesk: Record<string, string>;
}

interface Fault extends FaultVariant {
  kind: FaultKind;
}

interface UpstreamAnswer {
  status: number;
  statusMessage: string;
  /** Flat [name, value, name, value…], as rawHeaders: order and repeated Set-Cookie kept. */
  headers: string[];
  body: Buffer;
}

/** Headers about one connection, not the message: never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * A real HTTP proxy on 127.0.0.1 that puts network faults between a client and the harness
 * WordPress, each drawn per request from a seeded PRNG (or forced), so a run is reproducible from
 * its seed when its requests are sequential. Request and response bodies are read whole, then
 * passed on byte for byte (a test instrument: bodies of a few MB at most).
 *
 * WordPress knows only its own URL (WP_HOME is the upstream's). The proxy rewrites the Host header
 * of requests to the upstream's and, in responses, the upstream origin in `Location` and `Link`
 * headers to its own, so a client that follows a redirect or a REST Link stays behind the proxy.
 * Bodies are never rewritten: URLs inside JSON or HTML (a post's `link`, a media `source_url`,
 * a percent-encoded `redirect_to`) still name the upstream, and a test maps them with proxied().
 *
 * Whether a write happened is always decided, never left to timing: `drop`, `status`, `html` and
 * a `delay` the client walked away from never reach WordPress; `delayResponse`, `trickle` and
 * `cutAfterCommit` always do, in full, before the client hears anything.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:' || (upstream.pathname !== '/' && upstream.pathname !== '')) {
    throw new Error(`startFaultProxy: upstream must be http://host:port, got ${options.upstream}`);
  }
  const upstreamOrigin = upstream.origin;
  const seed = options.seed ?? randomInt(1, 2 ** 31);
  const random = mulberry32(seed);
  const methods = options.methods ? new Set(options.methods.map((method) => method.toUpperCase())) : null;
  const delayMs = options.delayMs ?? 1000;
  const trickleBytes = options.trickleBytes ?? 16;
  const tricklePauseMs = options.tricklePauseMs ?? 5;
  let rates = checkedRates(options.rates ?? {});
  const forced: Array<{ fault: Fault; remaining: number }> = [];
  let offline = false;
  let closing = false;

  const seen: SeenRequest[] = [];
  const stats: FaultProxyStats = {
    requests: 0,
    forwarded: 0,
    faults: zeroFaults(),
    byMethod: {},
    refusedOffline: 0,
    abandoned: 0,
    upstreamErrors: 0,
  };
  const methodStats = (method: string): MethodStats => (stats.byMethod[method] ??= { requests: 0, forwarded: 0, faults: zeroFaults() });

  const sockets = new Set<Socket>();
  const holds = new Set<{ timer: NodeJS.Timeout; resolve(): void }>();
  const active = new Set<Promise<void>>();
  const upstreamAgent = new Agent({ keepAlive: false });

  /** Waits `ms`, or less if the proxy closes meanwhile; every hold goes through here. */
  const hold = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          holds.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      holds.add(entry);
    });

  /** Waits until `until` settles, or less if the proxy closes meanwhile. */
  const holdUntil = (until: Promise<unknown>): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        // Only so that close() finds it like any hold; `until` ends it.
        timer: setTimeout(() => undefined, 2 ** 31 - 1),
        resolve: () => {
          clearTimeout(entry.timer);
          holds.delete(entry);
          resolve();
        },
      };
      holds.add(entry);
      until.then(entry.resolve, entry.resolve);
    });

  const chooseFault = (method: string): Fault | null => {
    if (methods && !methods.has(method)) return null;
    const head = forced[0];
    if (head) {
      if (--head.remaining <= 0) forced.shift();
      return completeVariant(head.fault);
    }
    // One draw per eligible request, whatever the rates: the sequence depends on the seed only.
    const draw = random();
    let cumulative = 0;
    for (const kind of FAULT_KINDS) {
      cumulative += rates[kind] ?? 0;
      if (draw < cumulative) return completeVariant({ kind });
    }
    return null;
  };

  const completeVariant = (fault: Fault): Fault => {
    switch (fault.kind) {
      case 'status':
        return {
          ...fault,
          status: fault.status ?? FAULT_STATUSES[Math.floor(random() * FAULT_STATUSES.length)]!,
          statusBody: fault.statusBody ?? (random() < 0.5 ? 'json' : 'html'),
        };
      case 'html':
        return { ...fault, page: fault.page ?? (random() < 0.5 ? 'captive' : 'maintenance') };
      case 'cutAfterCommit':
        return { ...fault, afterHeaders: fault.afterHeaders ?? random() < 0.5 };
      default:
        return fault;
    }
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> => {
    const headers: Record<string, string | string[]> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!.toLowerCase();
      const value = req.rawHeaders[i + 1]!;
      if (HOP_BY_HOP.has(name) || name === 'host' || name === 'content-length') continue;
      const existing = headers[name];
      headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    // WordPress is told its own name, as behind any reverse proxy: what it checks or builds from
    // HTTP_HOST (allowed redirect hosts, the current URL) then agrees with its WP_HOME.
    headers.host = upstream.host;
    // The body was read whole, so it goes with a length, whatever framing the client used.
    if (body.length > 0 || req.headers['content-length'] !== undefined) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: upstreamAgent },
        (incoming) => {
          readBody(incoming).then(
            (responseBody) =>
              resolve({ status: incoming.statusCode ?? 502, statusMessage: incoming.statusMessage ?? '', headers: incoming.rawHeaders, body: responseBody }),
            reject,
          );
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  };

  const rewriteBody = (answer: UpstreamAnswer): UpstreamAnswer => {
    const typeIndex = answer.headers.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === 'content-type');
    const type = typeIndex >= 0 ? answer.headers[typeIndex + 1]!.toLowerCase() : '';
    if (!/json|text|html|xml/.test(type)) return answer;
    const escaped = (origin: string) => origin.replaceAll('/', '\\/');
    const text = answer.body
      .toString('utf8')
      .replaceAll(upstreamOrigin, proxyOrigin)
      .replaceAll(escaped(upstreamOrigin), escaped(proxyOrigin));
    return { ...answer, body: Buffer.from(text, 'utf8') };
  };

  /** Upstream's headers for the client: no hop-by-hop ones, our length, our origin in links. */
  const clientHeaders = (answer: UpstreamAnswer, bodyless: boolean): string[] => {
    const out: string[] = [];
    for (let i = 0; i < answer.headers.length; i += 2) {
      const name = answer.headers[i]!;
      let value = answer.headers[i + 1]!;
      const lower = name.toLowerCase();
      if (HOP_BY_HOP.has(lower)) continue;
      if (lower === 'content-length' && !bodyless) continue;
      if (lower === 'location' || lower === 'link') value = value.replaceAll(upstreamOrigin, proxyOrigin);
      out.push(name, value);
    }
    if (!bodyless) out.push('Content-Length', String(answer.body.length));
    return out;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const socket = req.socket;
    const method = (req.method ?? 'GET').toUpperCase();
    stats.requests += 1;
    const newsdesk: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (name.startsWith('x-newsdesk-') && typeof value === 'string') newsdesk[name] = value;
    seen.push({ method, url: req.url ?? '', newsdesk });
    methodStats(method).requests += 1;
    const fault = chooseFault(method);
    if (fault) {
      stats.faults[fault.kind] += 1;
      methodStats(method).faults[fault.kind] += 1;
    }

    if (fault?.kind === 'drop') {
      socket.destroy();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      socket.destroy(); // The client went away mid-request: nothing to forward.
      return;
    }
    if (fault?.kind === 'status') {
      sendSynthetic(res, fault.status!, fault.statusBody === 'json' ? statusJson(fault.status!) : nginxErrorPage(fault.status!), fault.statusBody === 'json');
      return;
    }
    if (fault?.kind === 'html') {
      sendSynthetic(res, 200, fault.page === 'captive' ? CAPTIVE_PORTAL_PAGE : MAINTENANCE_PAGE, false);
      return;
    }
    if (fault?.kind === 'delay') {
      fault.onHold?.();
      await (fault.until ? holdUntil(fault.until) : hold(delayMs));
      // Decided here, once: a client that gave up during the hold never has its request sent on,
      // so a test knows for sure the write did not happen.
      if (socket.destroyed || closing) {
        stats.abandoned += 1;
        return;
      }
    }

    let answer: UpstreamAnswer;
    stats.forwarded += 1;
    methodStats(method).forwarded += 1;
    try {
      answer = await forward(req, body);
      if (options.rewriteBodies) answer = rewriteBody(answer);
    } catch {
      stats.upstreamErrors += 1;
      socket.destroy();
      return;
    }
    const bodyless = method === 'HEAD' || answer.status === 204 || answer.status === 304;
    const headers = clientHeaders(answer, bodyless);

    switch (fault?.kind) {
      case 'cutAfterCommit':
        // WordPress has answered, so whatever it was asked to write is written; the client learns
        // nothing (or only the status line and headers, its body cut short).
        if (fault.afterHeaders) {
          socket.write(rawHead(answer, headers), () => socket.destroy());
        } else {
          socket.destroy();
        }
        return;
      case 'delayResponse':
        await hold(delayMs);
        break;
      case 'trickle':
        if (socket.destroyed) return;
        res.writeHead(answer.status, answer.statusMessage, headers);
        for (let offset = 0; offset < answer.body.length && !bodyless; offset += trickleBytes) {
          if (socket.destroyed || closing) return;
          if (offset > 0) await hold(tricklePauseMs);
          res.write(answer.body.subarray(offset, offset + trickleBytes));
        }
        res.end();
        return;
      default:
        break;
    }
    if (socket.destroyed || closing) return;
    res.writeHead(answer.status, answer.statusMessage, headers);
    res.end(bodyless ? undefined : answer.body);
  };

  const server = createServer((req, res) => {
    if (offline || closing) {
      stats.refusedOffline += 1;
      req.socket.destroy();
      return;
    }
    const task = handle(req, res).catch(() => {
      req.socket.destroy();
    });
    active.add(task);
    void task.finally(() => active.delete(task));
  });
  server.on('connection', (socket: Socket) => {
    if (offline || closing) {
      stats.refusedOffline += 1;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client resetting its connection must not become an unhandled error in the test process.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const proxyOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idle = async (): Promise<void> => {
    while (active.size > 0) await Promise.allSettled([...active]);
  };

  return {
    url: proxyOrigin,
    seed,
    proxied: (upstreamUrl) => (upstreamUrl.startsWith(upstreamOrigin) ? proxyOrigin + upstreamUrl.slice(upstreamOrigin.length) : upstreamUrl),
    force: (kind, count = 1, variant = {}) => {
      if (!FAULT_KINDS.includes(kind)) throw new Error(`force: unknown fault ${String(kind)}`);
      if (!Number.isInteger(count) || count < 1) throw new Error(`force: count must be a positive integer, got ${count}`);
      forced.push({ fault: { ...variant, kind }, remaining: count });
    },
    setRates: (next) => {
      rates = checkedRates(next);
    },
    setOffline: (value) => {
      offline = value;
      if (!offline) return;
      for (const socket of sockets) socket.destroy();
    },
    stats: () => structuredClone(stats),
    seen: () => seen.slice(),
    idle,
    close: async () => {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      for (const entry of holds) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      holds.clear();
      await idle();
      upstreamAgent.destroy();
      await closed;
    },
  };
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.once('aborted', () => reject(new Error('aborted')));
    stream.once('close', () => {
      if (!stream.complete) reject(new Error('closed before the end of the body'));
    });
  });
}

function sendSynthetic(res: ServerResponse, status: number, body: string, json: boolean): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': json ? 'application/json; charset=UTF-8' : 'text/html; charset=UTF-8',
    'Content-Length': String(bytes.length),
  });
  res.end(bytes);
}

/** Status line and headers as they go on the wire, for the cut that sends them and nothing more. */
function rawHead(answer: UpstreamAnswer, headers: string[]): string {
  let head = `HTTP/1.1 ${answer.status} ${answer.statusMessage}\r\n`;
  for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`;
  return `${head}\r\n`;
}

function zeroFaults(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}

function checkedRates(rates: Partial<Record<FaultKind, number>>): Partial<Record<FaultKind, number>> {
  let sum = 0;
  for (const [kind, rate] of Object.entries(rates)) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`fault proxy: unknown fault ${kind}`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new Error(`fault proxy: rate of ${kind} must be in [0, 1], got ${rate}`);
    sum += rate;
  }
  if (sum > 1 + 1e-9) throw new Error(`fault proxy: rates add up to ${sum}, more than 1`);
  return { ...rates };
}

/** A small, well-known 32-bit PRNG: the same seed gives the same sequence on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_TEXT: Record<FaultStatus, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable' };

/** What WordPress's fatal-error handler answers a REST call with (the status aside). */
function statusJson(status: FaultStatus): string {
  return JSON.stringify({
    code: 'internal_server_error',
    message: '<p>There has been a critical error on this website.</p>',
    data: { status },
    additional_errors: [],
  });
}

/** nginx's own error page, as a reverse proxy in front of a portal sends it. */
function nginxErrorPage(status: FaultStatus): string {
  const title = `${status} ${STATUS_TEXT[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n`;
}

const CAPTIVE_PORTAL_PAGE = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>Đăng nhập Wi-Fi miễn phí</title></head>
<body>
<h1>Chào mừng quý khách đến Khách sạn Sông Lam</h1>
<p>Vui lòng nhập số phòng và họ tên để truy cập Internet.</p>
<form method="post" action="/login"><input name="room" placeholder="Số phòng"><input name="name" placeholder="Họ và tên"><button>Kết nối</button></form>
</body>
</html>
`;

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>Cổng thông tin đang bảo trì</title></head>
<body>
<h1>Cổng thông tin điện tử thị xã Cửa Lò đang bảo trì</h1>
<p>Hệ thống sẽ hoạt động trở lại sau ít phút. Xin cảm ơn quý độc giả.</p>
</body>
</html>
`;
