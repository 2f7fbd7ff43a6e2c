import type { CaptionRule } from './CaptionRule';

/**
 * "ĐỒNG CHÍ NGUYỄN VĂN HÙNG PHÁT BIỂU TẠI HỘI NGHỊ": shouting, and screen readers spell some of
 * it out. Acronyms are how Vietnamese officialdom writes (UBND, HĐND, TT&TT, CNTT), so a caption
 * is ALL CAPS only when at least three of its words and three in five of them are in capitals.
 */
export const captionAllCaps: CaptionRule = {
  code: 'CAPTION_ALL_CAPS',
  severity: 'warning',
  field: 'caption',
  unless: ['CAPTION_MISSING', 'CAPTION_FILENAME'],
  check: (photo) => {
    const words = photo.caption.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? [];
    const cased = words.filter((word) => /[\p{Lu}\p{Ll}]/u.test(word));
    const shouted = cased.filter((word) => !/\p{Ll}/u.test(word) && word.length > 1);
    return shouted.length >= 3 && shouted.length * 5 >= cased.length * 3;
  },
};
