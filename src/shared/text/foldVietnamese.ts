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
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, 'd')
    .normalize('NFC');
}

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}/gu;
// Lower case already applied; Đ is kept in case of locales whose lower casing skips it.
const D_STROKE = /[đĐ]/g;

/** True when `text` holds a letter that folding changes (a tone, a vowel mark or đ). */
export function hasVietnameseMarks(text: string): boolean {
  return foldVietnamese(text) !== text.normalize('NFC').toLowerCase();
}
