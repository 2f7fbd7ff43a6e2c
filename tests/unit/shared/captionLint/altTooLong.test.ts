import { describe, expect, it } from 'vitest';
import { altTooLong } from '../../../../src/shared/captionLint/altTooLong';
import { CAPTION_LIMITS } from '../../../../src/shared/captionLint/CaptionRule';
import { photo } from './photo';

describe('altTooLong', () => {
  it('blocks, as the length limit did before the lint', () => {
    expect(altTooLong).toMatchObject({ code: 'ALT_TOO_LONG', severity: 'blocking', field: 'alt', unless: ['ALT_MISSING'] });
  });
  it('finds alt text beyond the limit too long, with the limit; lets the limit itself pass', () => {
    expect(altTooLong.check(photo({ alt: 'ô'.repeat(CAPTION_LIMITS.altMax + 1) }), {})).toEqual({ limit: CAPTION_LIMITS.altMax });
    expect(altTooLong.check(photo({ alt: 'ô'.repeat(CAPTION_LIMITS.altMax) }), {})).toBe(false);
    expect(altTooLong.check(photo({ alt: 'Bãi biển đông người' }), {})).toBe(false);
  });
});
