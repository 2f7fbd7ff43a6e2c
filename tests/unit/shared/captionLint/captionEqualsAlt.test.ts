import { describe, expect, it } from 'vitest';
import { captionEqualsAlt } from '../../../../src/shared/captionLint/captionEqualsAlt';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

const CAPTION = 'Quang cảnh hội nghị giao ban quý III';

describe('captionEqualsAlt', () => {
  it('warns, is shown on the alt text, and waits for both fields', () => {
    expect(captionEqualsAlt).toMatchObject({
      code: 'CAPTION_EQUALS_ALT',
      severity: 'warning',
      field: 'alt',
      unless: ['CAPTION_MISSING', 'ALT_MISSING'],
    });
  });
  it.each([CAPTION, `${CAPTION}.`, '  quang cảnh hội nghị giao ban quý iii ', 'Quang canh hoi nghi giao ban quy III', CAPTION.normalize('NFD')])(
    'finds the alt text %j the caption again',
    (alt) => expect(captionEqualsAlt.check(photo({ caption: CAPTION, alt }), {})).toBe(true),
  );
  it.each([
    'Hội trường đông người, phía trước là bục phát biểu',
    'Quang cảnh hội nghị giao ban quý II',
    `${CAPTION} tại UBND thị xã`,
  ])('lets a different alt text %j pass', (alt) => expect(captionEqualsAlt.check(photo({ caption: CAPTION, alt }), {})).toBe(false));
  it('lets every real caption pass beside a description of the photo', () => {
    for (const caption of REAL_CAPTIONS) expect(captionEqualsAlt.check(photo({ caption }), {}), caption).toBe(false);
  });
});
