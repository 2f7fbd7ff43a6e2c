import type { SearchSnippet } from '../../../shared/model/SearchHit';
import { foldVietnamese } from '../../../shared/text/foldVietnamese';
import { tokenizeVietnamese, type Token } from '../../../shared/text/tokenizeVietnamese';
import { SEARCH_FIELDS, type SearchableFields } from './searchableFields';

/** Characters of context shown before the first match in a long field. */
const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 220;
/** Besides the title, at most this many fields show a snippet. */
const MAX_FIELD_SNIPPETS = 2;

/**
 * Snippets of the original text with the syllables that made the article match. A text syllable
 * matches a query syllable when its folded form equals it or starts with it (the index matches
 * prefixes too, so the highlight shows why the article was found). A prefix match marks only the
 * typed part: folding keeps NFC Vietnamese text's length, so folded offsets are original offsets.
 */
export function buildSnippets(fields: SearchableFields, queryTerms: string[]): SearchSnippet[] {
  const snippets: SearchSnippet[] = [];
  const pattern = patternOf(queryTerms);
  for (const field of SEARCH_FIELDS) {
    const text = fields[field];
    if (!text) continue;
    if (field !== 'title' && snippets.filter((s) => s.field !== 'title').length >= MAX_FIELD_SNIPPETS) break;
    const region = regionOfFirstMatch(text, pattern);
    if (!region.text) continue;
    const ranges = matchRanges(tokenizeVietnamese(region.text), queryTerms).map(
      ([start, end]) => [start + region.offset, end + region.offset] as [number, number],
    );
    if (ranges.length === 0) continue;
    if (field === 'title') {
      snippets.push({ field, text, ranges, clippedStart: false, clippedEnd: false });
      continue;
    }
    snippets.push(window(field, text, ranges));
  }
  return snippets;
}

/**
 * Tokenizing a whole 800-word body for every hit costs more than the index lookup itself, and so
 * does folding it. The first syllable that starts with a query term is found in the text as
 * written (a pattern that accepts every marked form of each letter, see patternOf): a field without
 * one is skipped, and of a long one only a window around it is tokenized (`offset` maps it back).
 * Text that slipped in decomposed (combining marks) is tokenized whole.
 */
function regionOfFirstMatch(text: string, pattern: RegExp): { text: string; offset: number } {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  if (!match) return COMBINING_MARK.test(text) ? { text, offset: 0 } : { text: '', offset: 0 };
  const first = match.index;
  if (text.length <= SNIPPET_LENGTH * 2) return { text, offset: 0 };
  // Back to a space, so the window does not start inside a syllable.
  let start = Math.max(0, first - CONTEXT_BEFORE - 20);
  while (start > 0 && text[start - 1] !== ' ') start -= 1;
  const end = Math.min(text.length, first + SNIPPET_LENGTH + 20);
  return { text: text.slice(start, end), offset: start };
}

const COMBINING_MARK = /\p{M}/u;

/**
 * A pattern for "a syllable starting with one of these folded terms" over unfolded text:
 * "lua" → /(?<![letter])(?:l[uùú…ưừ…][aàá…ăâ…])/iu. Kept for the last few queries (typing asks again).
 */
function patternOf(queryTerms: string[]): RegExp {
  const key = queryTerms.join(' ');
  let pattern = patterns.get(key);
  if (!pattern) {
    const alternatives = queryTerms.map((term) => [...term].map(charClass).join(''));
    pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
    if (patterns.size >= PATTERNS_MAX) patterns.delete(patterns.keys().next().value!);
    patterns.set(key, pattern);
  }
  return pattern;
}
const patterns = new Map<string, RegExp>();
const PATTERNS_MAX = 64;

function charClass(folded: string): string {
  const escaped = folded.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const variants = foldsTo().get(folded);
  return variants ? `[${escaped}${variants}]` : escaped;
}

/** Folded letter → every precomposed Latin letter that folds to it ("a" → "àáả…ăằ…âầ…ÀÁ…"). */
let variantTable: Map<string, string> | null = null;
function foldsTo(): Map<string, string> {
  if (variantTable) return variantTable;
  variantTable = new Map();
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let code = from; code <= to; code += 1) {
      const char = String.fromCharCode(code);
      const folded = foldVietnamese(char);
      if (folded.length !== 1 || folded === char) continue;
      variantTable.set(folded, (variantTable.get(folded) ?? '') + char);
    }
  }
  return variantTable;
}

export function matchRanges(tokens: Token[], queryTerms: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of tokens) {
    let best = 0;
    for (const term of queryTerms) {
      if (token.folded === term) {
        best = token.end - token.start;
        break;
      }
      if (term.length > best && token.folded.startsWith(term)) best = term.length;
    }
    if (best === 0) continue;
    // A decomposed or oddly cased token may not keep its length when folded: mark it whole.
    const sameLength = token.folded.length === token.end - token.start;
    ranges.push([token.start, sameLength ? token.start + best : token.end]);
  }
  return ranges;
}

function window(field: SearchSnippet['field'], text: string, ranges: [number, number][]): SearchSnippet {
  if (text.length <= SNIPPET_LENGTH) return { field, text, ranges, clippedStart: false, clippedEnd: false };
  const first = ranges[0]![0];
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) {
    // Start on a syllable boundary, never inside a word.
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : first;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start] as [number, number]);
  return { field, text: text.slice(start, end), ranges: inside, clippedStart: start > 0, clippedEnd: end < text.length };
}
