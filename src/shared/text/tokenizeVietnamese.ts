import { foldVietnamese } from './foldVietnamese';

/** One syllable (or number) of a text, with where it sits in the original string. */
export interface Token {
  /** Lower case NFC, marks kept: what "exact diacritics" compares. */
  exact: string;
  /** `exact` folded: what matching compares. */
  folded: string;
  /** UTF-16 offsets into the original text, end exclusive: what highlighting marks. */
  start: number;
  end: number;
}

/**
 * Vietnamese writes one syllable per space-separated unit, so a token is a run of letters, marks
 * and digits; punctuation and symbols split. Digits stay ("2025", "30/4" → "30", "4") because
 * dates and numbers are searched for. Combining marks are part of the run so text that slipped in
 * decomposed still tokenizes whole.
 */
export function tokenizeVietnamese(text: string): Token[] {
  const tokens: Token[] = [];
  // Text is NFC where it enters the app, so normally one lower-casing of the whole string lines up
  // with the original and each token is a slice of it; otherwise each token is normalised alone.
  const lower = text.normalize('NFC') === text ? text.toLowerCase() : '';
  const aligned = lower.length === text.length;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const end = match.index + match[0].length;
    const exact = aligned ? lower.slice(match.index, end) : match[0].normalize('NFC').toLowerCase();
    tokens.push({ exact, folded: foldSyllable(exact), start: match.index, end });
  }
  return tokens;
}

/** The folded syllables only, for indexing where offsets are not needed. */
export function foldedTerms(text: string): string[] {
  const matches = foldVietnamese(text).match(TOKEN);
  return matches ?? [];
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

// Vietnamese has a few thousand syllables in use: folding each once and remembering it is cheaper
// than folding every occurrence (search tokenizes a snippet window for every hit it returns, and
// the search index folds every syllable it stores).
const syllables = new Map<string, string>();
const SYLLABLES_MAX = 100_000;

/** foldVietnamese of one syllable, remembered (up to a bound, so odd input cannot grow it forever). */
export function foldSyllable(exact: string): string {
  let folded = syllables.get(exact);
  if (folded === undefined) {
    folded = foldVietnamese(exact);
    if (syllables.size < SYLLABLES_MAX) syllables.set(exact, folded);
  }
  return folded;
}
