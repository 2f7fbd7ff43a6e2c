import type { LexicalState } from '../model/Article';
import { renderHtml, type RenderOptions } from './renderHtml';

/** Lexical JSON → plain semantic HTML (no block comments, no classes): previews, e-mail, export. */
export function lexicalToCleanHtml(state: LexicalState, options?: RenderOptions): string {
  return renderHtml(state, 'clean', options);
}
