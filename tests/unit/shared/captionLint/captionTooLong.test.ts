import { describe, expect, it } from 'vitest';
import { CAPTION_LIMITS } from '../../../../src/shared/captionLint/CaptionRule';
import { captionTooLong } from '../../../../src/shared/captionLint/captionTooLong';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

describe('captionTooLong', () => {
  it('blocks, as the length limit did before the lint', () => {
    expect(captionTooLong).toMatchObject({ code: 'CAPTION_TOO_LONG', severity: 'blocking', field: 'caption' });
  });
  it('finds a caption beyond the limit too long, and says the limit', () => {
    const caption = 'Người dân phường Nghi Thu nhận hỗ trợ '.repeat(20);
    expect(caption.trim().length).toBeGreaterThan(CAPTION_LIMITS.captionMax);
    expect(captionTooLong.check(photo({ caption }), {})).toEqual({ limit: CAPTION_LIMITS.captionMax });
  });
  it('lets a caption of exactly the limit, or a real one, pass', () => {
    expect(captionTooLong.check(photo({ caption: 'ư'.repeat(CAPTION_LIMITS.captionMax) }), {})).toBe(false);
    for (const caption of REAL_CAPTIONS) expect(captionTooLong.check(photo({ caption }), {})).toBe(false);
  });
});
