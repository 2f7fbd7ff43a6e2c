/**
 * Reading speed for Vietnamese news, in words as `countWords` counts them (each syllable is one
 * word). Adult silent reading of Vietnamese prose is commonly put at 200–300 syllables a minute;
 * news copy is easy prose read quickly, so 250: a 1,000-syllable article reads in 4 minutes.
 */
export const WORDS_PER_MINUTE = 250;

/** Whole minutes, rounded up; zero only for an empty text. */
export function readingMinutes(words: number): number {
  return words <= 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export interface TextCounts {
  words: number;
  /** Unicode characters (NFC code points) including spaces, excluding the breaks between blocks. */
  characters: number;
  minutes: number;
}
