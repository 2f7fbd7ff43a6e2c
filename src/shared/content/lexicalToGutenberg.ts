import type { LexicalState } from '../model/Article';
import { renderHtml, type RenderOptions } from './renderHtml';

/**
 * Lexical JSON → Gutenberg block HTML for the portal, so a post stays editable as blocks in
 * WordPress. Deterministic (same state, same bytes), everything escaped; node types this version
 * does not know are carried in comments and come back from gutenbergToLexical unchanged.
 */
export function lexicalToGutenberg(state: LexicalState, options?: RenderOptions): string {
  return renderHtml(state, 'gutenberg', options);
}
