import { expect, it } from 'vitest';
import { countWords } from '../../../../src/shared/text/countWords';
import { readingMinutes, WORDS_PER_MINUTE } from '../../../../src/renderer/editor/readingTime';

it('counts each Vietnamese syllable once, and nothing for blank text or punctuation alone', () => {
  expect(countWords('')).toBe(0);
  expect(countWords('  \n\t ')).toBe(0);
  expect(countWords('— … !?')).toBe(0);
  expect(countWords('Cửa Lò đón khách')).toBe(4);
  expect(countWords('Nghệ An, Lộc Hà'.normalize('NFD'))).toBe(4);
  expect(countWords('Tin nóng:Cửa Lò,Nghệ An.')).toBe(6);
});

it('keeps words joined by an apostrophe or hyphen, and numbers and dates, as one word each', () => {
  expect(countWords("rock'n'roll e-mail Hà-Nội")).toBe(3);
  expect(countWords('Đón 1.200 lượt khách')).toBe(4);
  expect(countWords('tăng 3,5 %')).toBe(2);
  expect(countWords('Đăng ngày 07/03/2019 lúc 20:30')).toBe(5);
  // A full stop between words is not a number: two words.
  expect(countWords('khách.Tin')).toBe(2);
  expect(countWords('năm 2019.')).toBe(2);
});

it('reading time rounds up to whole minutes at the stated speed, zero only for no words', () => {
  expect(readingMinutes(0)).toBe(0);
  expect(readingMinutes(1)).toBe(1);
  expect(readingMinutes(WORDS_PER_MINUTE)).toBe(1);
  expect(readingMinutes(WORDS_PER_MINUTE + 1)).toBe(2);
  expect(readingMinutes(1_000)).toBe(4);
});
