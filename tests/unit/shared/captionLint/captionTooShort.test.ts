import { describe, expect, it } from 'vitest';
import { captionTooShort } from '../../../../src/shared/captionLint/captionTooShort';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

describe('captionTooShort', () => {
  it('warns, never blocks', () => {
    expect(captionTooShort).toMatchObject({ code: 'CAPTION_TOO_SHORT', severity: 'warning', field: 'caption' });
  });
  it.each([
    ['Quang cảnh hội nghị', 4],
    ['Toàn cảnh', 2],
    ['Ảnh minh họa', 3],
    ['Cửa Lò', 2],
    ['Hội nghị – Cửa Lò', 4],
  ])('finds “%s” (%i words) too short', (caption, words) =>
    expect(captionTooShort.check(photo({ caption }), {})).toEqual({ limit: 5, words }),
  );
  it('counts Vietnamese syllables as words, so five pass, decomposed or not', () => {
    expect(captionTooShort.check(photo({ caption: 'Du khách tắm biển Cửa Lò' }), {})).toBe(false);
    expect(captionTooShort.check(photo({ caption: 'Du khách tắm biển Cửa Lò'.normalize('NFD') }), {})).toBe(false);
  });
  it.each(REAL_CAPTIONS)('lets “%s” pass', (caption) => expect(captionTooShort.check(photo({ caption }), {})).toBe(false));
});
