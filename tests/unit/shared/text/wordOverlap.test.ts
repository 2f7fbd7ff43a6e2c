import { describe, expect, it } from 'vitest';
import { wordOverlap } from '../../../../src/shared/text/wordOverlap';

describe('wordOverlap', () => {
  it('is 1 for the same words, whatever the case, marks and punctuation', () => {
    expect(wordOverlap('Quang cảnh hội nghị.', 'quang canh hoi nghi')).toBe(1);
  });
  it('scores two wordings of one caption high', () => {
    expect(wordOverlap('Quang cảnh hội nghị', 'Toàn cảnh hội nghị')).toBe(0.75);
  });
  it('scores a caption inside a long paragraph low: the paragraph’s other words count against it', () => {
    const paragraph =
      'Phát biểu tại hội nghị, đồng chí Hồ Quang Thành đánh giá cao kết quả các đơn vị trong cụm đạt được trong năm qua.';
    expect(wordOverlap('Đồng chí Hồ Quang Thành phát biểu', paragraph)).toBeLessThan(0.6);
  });
  it('is 0 when either side has no words', () => {
    expect(wordOverlap('', 'Cửa Lò')).toBe(0);
    expect(wordOverlap('***', '***')).toBe(0);
    expect(wordOverlap('Cửa Lò', 'Nghi Lộc')).toBe(0);
  });
});
