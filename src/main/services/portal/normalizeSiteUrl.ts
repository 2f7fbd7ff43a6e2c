import { NewsdeskError } from '../../../shared/errors';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `user@` or `user:pass@` before the host: the URL parser accepts it, we never send it. */
const AUTHORITY_WITH_USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

/**
 * The site address as typed ("cualo.vn", " https://cualo.vn/tin-tuc/ ") → origin + path without a
 * trailing slash. Refuses anything but http(s), and addresses carrying credentials, a query or a
 * fragment: the REST URL is built from this and Basic auth goes only to its origin, so nothing
 * in it may be ambiguous. `insecure` is plain http to a machine other than this one, where the
 * application password would cross the network readable.
 */
export function normalizeSiteUrl(input: string): { siteUrl: string; insecure: boolean } {
  const trimmed = input.normalize('NFC').trim();
  if (trimmed === '') throw bad('empty');
  const withScheme = SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (AUTHORITY_WITH_USERINFO.test(withScheme)) throw bad('credentials');
  // A path never holds a raw ? or #, so either one means a query or a fragment (even an empty one).
  if (withScheme.includes('?')) throw bad('query');
  if (withScheme.includes('#')) throw bad('fragment');
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw bad('unparsable');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('scheme');
  if (url.username !== '' || url.password !== '') throw bad('credentials');
  if (url.hostname === '') throw bad('host');
  const path = url.pathname.replace(/\/+$/, '');
  return { siteUrl: `${url.origin}${path}`, insecure: url.protocol === 'http:' && !isLoopback(url.hostname) };
}

function isLoopback(hostname: string): boolean {
  // The URL parser has already canonicalised IPv4 ("127.1" → "127.0.0.1") and bracketed IPv6.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function bad(reason: string): NewsdeskError {
  return new NewsdeskError('PORTAL_BAD_URL', { reason });
}
