import { describe, expect, it } from 'vitest';
import { captionJunk } from '../../../../src/shared/captionLint/captionJunk';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

const check = (caption: string) => captionJunk.check(photo({ caption }), {});
const CAPTION = 'Quang cảnh hội nghị giao ban quý III';

describe('captionJunk', () => {
  it('warns, never blocks', () => {
    expect(captionJunk).toMatchObject({ code: 'CAPTION_JUNK', severity: 'warning', field: 'caption' });
  });
  it.each([
    `- ${CAPTION}`,
    `• ${CAPTION}`,
    `* ${CAPTION}`,
    `> ${CAPTION}`,
    `...${CAPTION}`,
    `, ${CAPTION}`,
    `&nbsp;${CAPTION}`,
    `<br>${CAPTION}`,
    `[caption id="attachment_12" align="aligncenter"]${CAPTION}`,
    `Chú thích: ${CAPTION}`,
    `Chú thích ảnh: ${CAPTION}`,
    `Ảnh 1: ${CAPTION}`,
    `Hình 2. ${CAPTION}`,
    `\u200b${CAPTION}`,
  ])('finds junk at the start of %j', (caption) => expect(check(caption)).toEqual({ at: 'start' }));
  it.each([
    `${CAPTION},`,
    `${CAPTION};`,
    `${CAPTION}:`,
    `${CAPTION} -`,
    `${CAPTION} —`,
    `${CAPTION}..`,
    `${CAPTION}....`,
    `${CAPTION}!!`,
    `${CAPTION},.`,
    `${CAPTION} .`,
    `${CAPTION}&nbsp;`,
    `${CAPTION}</p>`,
    `${CAPTION}[/caption]`,
    `${CAPTION} (Ảnh: )`,
    `${CAPTION} Ảnh:`,
    `${CAPTION} (`,
    `${CAPTION}\u200b`,
  ])('finds junk at the end of %j', (caption) => expect(check(caption)).toEqual({ at: 'end' }));
  it.each([
    ...REAL_CAPTIONS,
    `${CAPTION}.`,
    `${CAPTION}...`,
    `${CAPTION}…`,
    `${CAPTION}!`,
    `  ${CAPTION}  `,
    `(Từ trái sang) ông Lê Văn Bình và bà Nguyễn Thị Lan`,
    'Ảnh: Thanh Bình',
    '70 năm Ngày thành lập ngành Thông tin và Truyền thông',
  ])('lets %j pass', (caption) => expect(check(caption)).toBe(false));
});
