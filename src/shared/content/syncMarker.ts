/**
 * The client key Newsdesk writes into a post's content (and a photo's description) when it first
 * creates it, so that a retry after a lost answer can find what the first try made instead of
 * creating it twice (docs/sync.md). An HTML comment survives kses for every role; kses collapses
 * `--` inside a comment, so the key is plain hex. Readers never see it; our importer drops it.
 */
export const SYNC_KEY_PATTERN = /^[a-f0-9]{32}$/;
const MARKER = /<!-- newsdesk:sync ([a-f0-9]{32}) -->\n?/;

export function syncMarker(key: string): string {
  if (!SYNC_KEY_PATTERN.test(key)) throw new Error('syncMarker: the key must be 32 hex characters');
  return `<!-- newsdesk:sync ${key} -->`;
}

/** The key in `html`, or null. */
export function syncKeyOf(html: string): string | null {
  return MARKER.exec(html)?.[1] ?? null;
}

/** `html` with every marker removed (what the editor imports). */
export function withoutSyncMarker(html: string): string {
  return html.replace(new RegExp(MARKER.source, 'g'), '');
}

/** `html` with the marker for `key` first, replacing any other. */
export function withSyncMarker(html: string, key: string): string {
  return `${syncMarker(key)}\n${withoutSyncMarker(html)}`;
}
