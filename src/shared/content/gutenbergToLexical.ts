import type { LexicalState } from '../model/Article';
import { htmlToLexical } from './htmlToLexical';

/**
 * Portal post content → Lexical JSON. Reads Gutenberg block HTML, classic HTML and classic
 * [caption] shortcodes alike (a post may be either); the inverse of lexicalToGutenberg.
 */
export function gutenbergToLexical(html: string): LexicalState {
  return htmlToLexical(html);
}
