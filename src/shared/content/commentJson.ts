/**
 * JSON inside an HTML comment, encoded as Gutenberg encodes block attributes: the characters that
 * could end the comment or be read as markup (`--`, `<`, `>`, `&`) become \u escapes, which
 * JSON.parse turns back. `--` can only occur inside JSON strings, so the escape is always valid.
 */
export function encodeCommentJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

export function decodeCommentJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `wp:name {json}` / `/wp:name` / `wp:name {json} /`, as written by Gutenberg and by us. */
export interface BlockComment {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Record<string, unknown>;
}

const BLOCK_COMMENT = /^\s*(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(?:\s+(\{[\s\S]*\}))?\s*(\/)?\s*$/;

export function parseBlockComment(data: string): BlockComment | null {
  const match = BLOCK_COMMENT.exec(data);
  if (!match) return null;
  const attrs = match[3] ? decodeCommentJson(match[3]) : {};
  return {
    name: match[2]!.includes('/') ? match[2]! : `core/${match[2]!}`,
    closing: Boolean(match[1]),
    selfClosing: Boolean(match[4]),
    attrs: attrs !== null && typeof attrs === 'object' && !Array.isArray(attrs) ? (attrs as Record<string, unknown>) : {},
  };
}
