/** Words as a reader counts them: runs of letters/digits, Vietnamese syllables each count once. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:[''’-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}
