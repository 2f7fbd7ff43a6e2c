import { describe, expect, it } from 'vitest';
import { captionMissing } from '../../../../src/shared/captionLint/captionMissing';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

describe('captionMissing', () => {
  it('blocks, and is about the caption', () => {
    expect(captionMissing).toMatchObject({ code: 'CAPTION_MISSING', severity: 'blocking', field: 'caption' });
  });
  it.each(['', '   ', '\n\t', '\u200b', '\ufeff \u200b'])('finds the caption %j missing', (caption) =>
    expect(captionMissing.check(photo({ caption }), {})).toBe(true),
  );
  it.each([...REAL_CAPTIONS, 'tttt1', 'Cửa Lò'])('finds “%s” present', (caption) =>
    expect(captionMissing.check(photo({ caption }), {})).toBe(false),
  );
});
