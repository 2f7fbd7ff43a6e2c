import { comparableText } from './comparableText';

/**
 * How much two short texts share their words, from 0 (nothing) to 1 (the same words): the Dice
 * coefficient of their sets of comparable words. Dice rather than "share of the shorter text" so
 * that a caption inside a long paragraph scores low: the paragraph's other words count against it.
 */
export function wordOverlap(a: string, b: string): number {
  const left = wordSet(a);
  const right = wordSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

function wordSet(text: string): Set<string> {
  const comparable = comparableText(text);
  return new Set(comparable === '' ? [] : comparable.split(' '));
}
