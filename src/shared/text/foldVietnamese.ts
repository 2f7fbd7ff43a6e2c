/**
 * The form of Vietnamese text that search matches on: NFC, lower case, every tone mark and vowel
 * mark removed (ă â → a, ê → e, ô ơ → o, ư → u) and đ → d. Plain NFD stripping misses đ/Đ: it is
 * a letter of its own (U+0111), not d plus a combining mark, so it is mapped explicitly.
 *
 * Folding is per code point, so a folded token lines up with the original token it came from;
 * the tokenizer keeps offsets into the original text for highlighting.
 */
export function foldVietnamese(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  // Fast path: ASCII has nothing to fold.
  if (!NON_ASCII.test(lower)) return lower;
  // Character by character through a small memo: whole-string NFD and NFC cost about 0.7 ms for
  // an 800-word body, which search pays for every hit it highlights.
  return lower.replace(NON_ASCII_CHAR, foldChar);
}

const NON_ASCII = /[^\u0000-\u007f]/;
const NON_ASCII_CHAR = /[^\u0000-\u007f]/gu;
const COMBINING_MARKS = /\p{M}/gu;
// Lower case already applied; Đ is kept in case of locales whose lower casing skips it.
const D_STROKE = /[đĐ]/g;
const folds = new Map<string, string>();
/** Enough for every Vietnamese letter and then some; beyond it, characters are folded uncached. */
const FOLDS_MAX = 4_096;

function foldChar(char: string): string {
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd').normalize('NFC');
    if (folds.size < FOLDS_MAX) folds.set(char, folded);
  }
  return folded;
}

/** True when `text` holds a letter that folding changes (a tone, a vowel mark or đ). */
export function hasVietnameseMarks(text: string): boolean {
  return foldVietnamese(text) !== text.normalize('NFC').toLowerCase();
}
