import { describe, expect, it } from 'vitest';
import { captionRepeatedInBody } from '../../../../src/shared/captionLint/captionRepeatedInBody';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

const CAPTION = 'Đồng chí Hồ Quang Thành phát biểu tại hội nghị';
const PARAGRAPH =
  'Phát biểu tại hội nghị, đồng chí Hồ Quang Thành đánh giá cao kết quả các đơn vị trong cụm đạt được, ' +
  'đồng thời đề nghị các địa phương triển khai đồng bộ giải pháp quản lý nhà nước về thông tin và truyền thông.';

describe('captionRepeatedInBody', () => {
  it('warns, never blocks', () => {
    expect(captionRepeatedInBody).toMatchObject({ code: 'CAPTION_IN_BODY', severity: 'warning', field: 'caption' });
  });
  it.each([
    CAPTION,
    `${CAPTION}.`,
    'đồng chí hồ quang thành phát biểu tại hội nghị',
    'Dong chi Ho Quang Thanh phat bieu tai hoi nghi',
    'Đồng chí Hồ Quang Thành phát biểu chỉ đạo tại hội nghị.',
  ])('finds the caption printed again beside its photo as %j', (paragraph) =>
    expect(captionRepeatedInBody.check(photo({ caption: CAPTION }), { beside: [PARAGRAPH, paragraph] })).toBe(true),
  );
  it('lets a caption pass when the paragraph beside it only tells the same story', () => {
    expect(captionRepeatedInBody.check(photo({ caption: CAPTION }), { beside: [PARAGRAPH] })).toBe(false);
  });
  it('finds nothing without the text beside the photo (on the desk) or with none', () => {
    expect(captionRepeatedInBody.check(photo({ caption: CAPTION }), {})).toBe(false);
    expect(captionRepeatedInBody.check(photo({ caption: CAPTION }), { beside: [] })).toBe(false);
    expect(captionRepeatedInBody.check(photo({ caption: '…' }), { beside: [''] })).toBe(false);
  });
  it('lets each real caption pass beside a body paragraph of the same article', () => {
    for (const caption of REAL_CAPTIONS) expect(captionRepeatedInBody.check(photo({ caption }), { beside: [PARAGRAPH] }), caption).toBe(false);
  });
});
