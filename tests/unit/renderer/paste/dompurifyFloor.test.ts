// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { expect, it } from 'vitest';

/** Issue #3 asks for DOMPurify 3.3.2 or later; package.json pins an exact version, this keeps a bump honest. */
const FLOOR = [3, 3, 2];

function atLeast(version: string, floor: number[]): boolean {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < floor.length; i += 1) {
    const have = parts[i] ?? 0;
    if (have !== floor[i]) return have > floor[i]!;
  }
  return true;
}

it('the DOMPurify the paste path runs is at least 3.3.2', () => {
  expect(atLeast(DOMPurify.version, FLOOR), `DOMPurify ${DOMPurify.version}`).toBe(true);
});

it('compares versions number by number, not as text', () => {
  expect(atLeast('3.3.2', FLOOR)).toBe(true);
  expect(atLeast('3.10.0', FLOOR)).toBe(true);
  expect(atLeast('4.0.0', FLOOR)).toBe(true);
  expect(atLeast('3.3.1', FLOOR)).toBe(false);
  expect(atLeast('3.2.9', FLOOR)).toBe(false);
  expect(atLeast('2.99.99', FLOOR)).toBe(false);
});
