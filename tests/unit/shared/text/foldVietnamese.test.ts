import { describe, expect, it } from 'vitest';
import { foldVietnamese, hasVietnameseMarks } from '../../../../src/shared/text/foldVietnamese';
import { tokenizeVietnamese } from '../../../../src/shared/text/tokenizeVietnamese';

// Written out by hand, not generated: each row is one vowel with no tone, huyền, sắc, hỏi, ngã, nặng.
const LOWER: Record<string, string> = {
  a: 'aàáảãạ',
  ă: 'ăằắẳẵặ',
  â: 'âầấẩẫậ',
  e: 'eèéẻẽẹ',
  ê: 'êềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọ',
  ô: 'ôồốổỗộ',
  ơ: 'ơờớởỡợ',
  u: 'uùúủũụ',
  ư: 'ưừứửữự',
  y: 'yỳýỷỹỵ',
};
const UPPER: Record<string, string> = {
  a: 'AÀÁẢÃẠ',
  ă: 'ĂẰẮẲẴẶ',
  â: 'ÂẦẤẨẪẬ',
  e: 'EÈÉẺẼẸ',
  ê: 'ÊỀẾỂỄỆ',
  i: 'IÌÍỈĨỊ',
  o: 'OÒÓỎÕỌ',
  ô: 'ÔỒỐỔỖỘ',
  ơ: 'ƠỜỚỞỠỢ',
  u: 'UÙÚỦŨỤ',
  ư: 'ƯỪỨỬỮỰ',
  y: 'YỲÝỶỸỴ',
};
const BASE: Record<string, string> = { a: 'a', ă: 'a', â: 'a', e: 'e', ê: 'e', i: 'i', o: 'o', ô: 'o', ơ: 'o', u: 'u', ư: 'u', y: 'y' };

describe('foldVietnamese', () => {
  it('the tables are complete: 12 vowels × 6 tones × 2 cases, all distinct precomposed letters', () => {
    const all = [...Object.values(LOWER), ...Object.values(UPPER)].flatMap((row) => [...row]);
    expect(all).toHaveLength(144);
    expect(new Set(all).size).toBe(144);
    for (const letter of all) expect(letter.normalize('NFC')).toHaveLength(1);
  });

  for (const [vowel, row] of Object.entries(LOWER)) {
    it(`folds every tone of ${vowel} and ${UPPER[vowel]![0]} to ${BASE[vowel]}`, () => {
      const expected = BASE[vowel]!;
      for (const letter of [...row, ...UPPER[vowel]!]) {
        expect(foldVietnamese(letter), letter).toBe(expected);
        // Decomposed input (as some IMEs and Word on macOS produce) folds the same.
        expect(foldVietnamese(letter.normalize('NFD')), `${letter} NFD`).toBe(expected);
      }
    });
  }

  it('folds đ and Đ to d, which NFD stripping alone does not', () => {
    expect('đ'.normalize('NFD').replace(/\p{M}/gu, '')).toBe('đ');
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('Đường Đồng Đăng')).toBe('duong dong dang');
  });

  it('folds mixed text and leaves ASCII, digits and punctuation alone', () => {
    expect(foldVietnamese('Cửa Lò')).toBe('cua lo');
    expect(foldVietnamese('cua lo')).toBe('cua lo');
    expect(foldVietnamese('Cua Lo')).toBe('cua lo');
    expect(foldVietnamese('Nghệ An, ngày 30/4/2025: “Lễ hội”!')).toBe('nghe an, ngay 30/4/2025: “le hoi”!');
    expect(foldVietnamese('TRƯỜNG THPT PHAN BỘI CHÂU')).toBe('truong thpt phan boi chau');
  });

  it('keeps the length of NFC Vietnamese text, so folded and original offsets agree', () => {
    const text = 'Thị xã Cửa Lò đón 2,5 triệu lượt khách';
    expect(foldVietnamese(text)).toHaveLength(text.length);
  });

  it('tells text with marks from text without', () => {
    expect(hasVietnameseMarks('Cửa Lò')).toBe(true);
    expect(hasVietnameseMarks('đi')).toBe(true);
    expect(hasVietnameseMarks('Cua Lo')).toBe(false);
  });
});

describe('tokenizeVietnamese', () => {
  it('splits on spaces and punctuation, keeps digits, and gives offsets into the original', () => {
    const text = 'Cửa Lò, ngày 30/4: “Đón 2.000 khách”.';
    const tokens = tokenizeVietnamese(text);
    expect(tokens.map((t) => t.exact)).toEqual(['cửa', 'lò', 'ngày', '30', '4', 'đón', '2', '000', 'khách']);
    expect(tokens.map((t) => t.folded)).toEqual(['cua', 'lo', 'ngay', '30', '4', 'don', '2', '000', 'khach']);
    for (const token of tokens) {
      expect(text.slice(token.start, token.end).toLowerCase()).toBe(token.exact);
    }
  });

  it('keeps a decomposed syllable whole and reports NFC for it', () => {
    const text = 'Nghệ An'.normalize('NFD');
    const tokens = tokenizeVietnamese(text);
    expect(tokens.map((t) => t.exact)).toEqual(['nghệ', 'an']);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end).normalize('NFC')).toBe('Nghệ');
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenizeVietnamese(' — … !? ')).toEqual([]);
  });
});
