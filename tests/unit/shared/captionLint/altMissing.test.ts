import { describe, expect, it } from 'vitest';
import { altMissing } from '../../../../src/shared/captionLint/altMissing';
import { photo } from './photo';

describe('altMissing', () => {
  it('blocks, and is about the alt text', () => {
    expect(altMissing).toMatchObject({ code: 'ALT_MISSING', severity: 'blocking', field: 'alt' });
  });
  it.each(['', '  ', '\u200b'])('finds the alt text %j missing', (alt) => expect(altMissing.check(photo({ alt }), {})).toBe(true));
  it.each(['Bãi biển đông người', 'Hai người bắt tay trước phông nền đỏ'])('finds “%s” present', (alt) =>
    expect(altMissing.check(photo({ alt }), {})).toBe(false),
  );
});
