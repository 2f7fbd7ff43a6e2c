import { describe, expect, it } from 'vitest';
import { captionIsFileName } from '../../../../src/shared/captionLint/captionIsFileName';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

describe('captionIsFileName', () => {
  it('blocks, and is not checked on a missing caption', () => {
    expect(captionIsFileName).toMatchObject({ code: 'CAPTION_FILENAME', severity: 'blocking', field: 'caption', unless: ['CAPTION_MISSING'] });
  });
  // The issue's own examples; looksLikeFileName.test.ts holds the long list.
  it.each(['img_4426', 'IMG_20170728_091500', 'DSC_0012', 'DSCN1234', 'P1010123', 'IMG-20170728-WA0003', 'tttt1', 'photo1.jpg', 'Ảnh chụp màn hình (3)', 'Bản sao của IMG_4426'])(
    'finds %s a file name',
    (caption) => expect(captionIsFileName.check(photo({ caption }), {})).toBe(true),
  );
  it.each(REAL_CAPTIONS)('finds “%s” a caption', (caption) => expect(captionIsFileName.check(photo({ caption }), {})).toBe(false));
});
