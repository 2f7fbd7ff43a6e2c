/**
 * The client key Newsdesk writes into a post's content (and a photo's description) when it first
 * creates it, so that a retry after a lost answer can find what the first try made instead of
 * creating it twice (docs/sync.md). An HTML comment survives kses for every role; kses collapses
 * `--` inside a comment, so the key is plain hex. Readers never see it; our importer drops it.
 */
export const SYNC_KEY_PATTERN = /^[a-f0-9]{32}$/;
/**
 * The marker as we write it, or as wp-admin's block editor saves it: a comment outside any block
 * becomes a Classic block there, which wraps it in a paragraph (`<p><!-- newsdesk:sync … --></p>`).
 */
const MARKER = /<p>\s*<!-- newsdesk:sync ([a-f0-9]{32}) -->\s*<\/p>\n?|<!-- newsdesk:sync ([a-f0-9]{32}) -->\n?/;

export function syncMarker(key: string): string {
  if (!SYNC_KEY_PATTERN.test(key)) throw new Error('syncMarker: the key must be 32 hex characters');
  return `<!-- newsdesk:sync ${key} -->`;
}

/** The key in `html`, or null. */
export function syncKeyOf(html: string): string | null {
  const match = MARKER.exec(html);
  return match ? (match[1] ?? match[2]!) : null;
}

/** `html` with every marker removed (what the editor imports). */
export function withoutSyncMarker(html: string): string {
  return html.replace(new RegExp(MARKER.source, 'g'), '');
}

/** `html` with the marker for `key` first, replacing any other. */
export function withSyncMarker(html: string, key: string): string {
  return `${syncMarker(key)}\n${withoutSyncMarker(html)}`;
}
