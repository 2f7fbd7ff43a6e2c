/**
 * Words as a reader counts them: runs of letters/digits, Vietnamese syllables each count once
 * (decomposed text too: a combining tone mark stays inside its syllable).
 * An apostrophe or hyphen inside a word keeps it one word; so does a separator between digits,
 * as a reader takes a number or a date: "1.200", "3,5", "07/03/2019", "20:30".
 */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+|(?<=\p{N})[.,/:]\p{N}+)*/gu);
  return matches ? matches.length : 0;
}
