/**
 * The portal's link for a post, if it is one a click may open: http(s) only. The link comes from
 * the portal's answer; a `javascript:` or `file:` value must never become a clickable link.
 */
export function safePortalLink(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
