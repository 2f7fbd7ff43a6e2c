import { foldVietnamese } from './foldVietnamese';

/**
 * The words of a text as a reader compares them: folded (case, tone and vowel marks, đ),
 * punctuation dropped, one space between words. Two captions whose comparable texts are equal
 * say the same thing: "Quang cảnh hội nghị." printed again as "quang canh hoi nghi" is a repeat,
 * not a second caption.
 */
export function comparableText(text: string): string {
  return foldVietnamese(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
