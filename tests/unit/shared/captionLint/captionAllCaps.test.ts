import { describe, expect, it } from 'vitest';
import { captionAllCaps } from '../../../../src/shared/captionLint/captionAllCaps';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

const check = (caption: string) => captionAllCaps.check(photo({ caption }), {});

describe('captionAllCaps', () => {
  it('warns, never blocks', () => {
    expect(captionAllCaps).toMatchObject({ code: 'CAPTION_ALL_CAPS', severity: 'warning', field: 'caption' });
  });
  it.each(['ĐỒNG CHÍ NGUYỄN VĂN HÙNG PHÁT BIỂU TẠI HỘI NGHỊ', 'QUANG CẢNH HỘI NGHỊ GIAO BAN QUÝ III', 'HỘI NGHỊ TỔNG KẾT NĂM tại Cửa Lò'])(
    'finds “%s” shouted',
    (caption) => expect(check(caption)).toBe(true),
  );
  it('finds every real caption shouted once it is put in capitals, decomposed too', () => {
    for (const caption of REAL_CAPTIONS) {
      expect(check(caption.toUpperCase()), caption).toBe(true);
      expect(check(caption.toUpperCase().normalize('NFD')), caption).toBe(true);
    }
  });
  it.each([
    ...REAL_CAPTIONS,
    'Đại diện UBND, HĐND, MTTQ huyện dự lễ',
    'Lễ Hội Sông Nước Cửa Hội Năm Nay',
    'UBND HĐND',
    'Hội nghị CNTT-TT cụm số 1',
  ])('lets “%s” pass: acronyms and title case are not shouting', (caption) => expect(check(caption)).toBe(false));
});
