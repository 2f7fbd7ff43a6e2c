import type { LexicalState } from '../model/Article';

/**
 * The text of a Lexical state as a reader sees it: one line per block, for word counts,
 * summaries and search. Unknown node types still contribute their `text` and children.
 */
export function plainTextOf(state: LexicalState): string {
  const lines: string[] = [];
  for (const child of state.root.children) lines.push(inlineText(child));
  return lines.join('\n');
}

function inlineText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  const record = node as { type?: unknown; text?: unknown; children?: unknown };
  if (typeof record.text === 'string') return record.text;
  if (record.type === 'linebreak') return '\n';
  if (!Array.isArray(record.children)) return '';
  const isBlockContainer = record.type === 'list' || record.type === 'quote-container';
  return record.children.map(inlineText).join(isBlockContainer ? '\n' : '');
}
