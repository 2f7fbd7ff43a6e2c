import { plainTextOf } from '../content/plainTextOf';
import type { LexicalState } from '../model/Article';

/**
 * The link nodes of a body (Lexical's `link` and `autolink`), in reading order, with their URL as
 * stored (a node without one counts as an empty URL: that is a broken link too).
 */
export function linksOf(body: LexicalState): { url: string; text: string }[] {
  const found: { url: string; text: string }[] = [];
  const visit = (children: unknown[]): void => {
    for (const node of children) {
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (record.type === 'link' || record.type === 'autolink') {
        const text = plainTextOf({ root: { type: 'root', children: [node] } } as LexicalState).trim();
        found.push({ url: typeof record.url === 'string' ? record.url : '', text });
      }
      if (Array.isArray(record.children)) visit(record.children);
    }
  };
  visit(body.root.children);
  return found;
}
