import { renderHtml } from './renderHtml';
import { isKnownBlockType } from './serializedNodes';

/**
 * What a top-level block says, as a string: two blocks with the same key are the same edit-wise.
 * It leaves out what the portal does not keep and what our own round trip changes, so that a
 * pull of an untouched post compares equal to what was pushed:
 * - a figure is its asset, caption, alt text and credit; its `src` (the portal's URL),
 *   `sourceName` and `captionMissing` ride in block attributes a wp-admin save drops;
 * - any other known block is its clean HTML, which has no room for Lexical's bookkeeping
 *   (`direction`, `textFormat`, `textStyle`, how a run of text is split into nodes) nor for the
 *   alignments WordPress has no block for (justify).
 * A node type this version does not know is its whole JSON, keys sorted: we cannot tell which of
 * its fields matter.
 */
export function blockKey(block: unknown): string {
  const node = block !== null && typeof block === 'object' && !Array.isArray(block) ? (block as Record<string, unknown>) : null;
  if (node === null) return `value:${canonicalJson(block)}`;
  if (node.type === 'figure') {
    const field = (name: string) => (typeof node[name] === 'string' ? (node[name] as string) : '');
    return `figure:${JSON.stringify([field('assetId'), field('caption'), field('alt'), field('credit')])}`.normalize('NFC');
  }
  if (!isKnownBlockType(node.type)) return `node:${canonicalJson(node)}`;
  return renderHtml({ root: { type: 'root', children: [node] } }, 'clean').normalize('NFC');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  }) ?? 'undefined';
}
