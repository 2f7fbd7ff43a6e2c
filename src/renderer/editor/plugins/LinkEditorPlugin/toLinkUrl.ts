/** Link schemes a news article may carry; `javascript:`, `data:`, `file:` and the rest are refused. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to store for what the writer typed, or null when it is not an allowed link.
 * A bare domain ("nghean.gov.vn/tin") becomes https://…, a bare address becomes mailto:.
 */
export function toLinkUrl(typed: string): string | null {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return null;
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(text)) candidate = `mailto:${text}`;
    else if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?:[/:?#].*)?$/u.test(text)) candidate = `https://${text}`;
    else return null;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? candidate : null;
  if (!url.hostname) return null;
  return url.href;
}

export function isAllowedLinkUrl(url: string): boolean {
  return toLinkUrl(url) !== null;
}
