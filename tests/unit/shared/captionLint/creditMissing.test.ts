import { describe, expect, it } from 'vitest';
import { creditMissing } from '../../../../src/shared/captionLint/creditMissing';
import { photo } from './photo';

describe('creditMissing', () => {
  it('warns, never blocks, and is about the credit', () => {
    expect(creditMissing).toMatchObject({ code: 'CREDIT_MISSING', severity: 'warning', field: 'credit' });
  });
  it.each(['', '   ', '\u200b'])('finds the credit %j missing', (credit) => expect(creditMissing.check(photo({ credit }), {})).toBe(true));
  it.each(['Thanh Bình', 'Nguyễn Văn Hùng', 'TTXVN', 'Ảnh: Minh Tâm', 'Cổng TTĐT thị xã'])('finds “%s” a credit', (credit) =>
    expect(creditMissing.check(photo({ credit }), {})).toBe(false),
  );
});
