import { describe, expect, it } from 'vitest';
import { slugOf } from '../../../../src/shared/publishChecks/slugOf';

describe('slugOf', () => {
  it('folds the issue’s example', () => expect(slugOf('Cửa Lò tham gia giao ban')).toBe('cua-lo-tham-gia-giao-ban'));

  it.each([
    ['Đường đến Đà Nẵng', 'duong-den-da-nang'],
    ['ĐẢNG BỘ XÃ NGHI ĐỒNG', 'dang-bo-xa-nghi-dong'],
    ['đi đâu, làm gì?', 'di-dau-lam-gi'],
  ])('folds đ and Đ to d: %s', (title, slug) => expect(slugOf(title)).toBe(slug));

  it('folds every tone on every vowel, the horned and hatted ones too', () => {
    expect(slugOf('Sắc huyền hỏi ngã nặng')).toBe('sac-huyen-hoi-nga-nang');
    expect(slugOf('ả ã á à ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ')).toBe('a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a');
    expect(slugOf('ơ ờ ở ỡ ớ ợ ư ừ ử ữ ứ ự ê ề ể ễ ế ệ ô ồ ổ ỗ ố ộ')).toBe('o-o-o-o-o-o-u-u-u-u-u-u-e-e-e-e-e-e-o-o-o-o-o-o');
    expect(slugOf('Ỳ Ý Ỷ Ỹ Ỵ ì í ỉ ĩ ị')).toBe('y-y-y-y-y-i-i-i-i-i');
  });

  it('gives the same slug for decomposed (NFD) text as for composed, as pasted from macOS or Word', () => {
    const nfd = 'Cửa Lò tham gia giao ban, Đà Nẵng'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(slugOf(nfd)).toBe('cua-lo-tham-gia-giao-ban-da-nang');
    // A tone mark typed after its letter by an old keyboard layout (combining, not precomposed).
    expect(slugOf('Nghe\u0323 An')).toBe('nghe-an');
  });

  it('drops punctuation and joins words with one hyphen', () => {
    expect(slugOf('Xã Nghi Lộc — “điểm sáng” về nông thôn mới!')).toBe('xa-nghi-loc-diem-sang-ve-nong-thon-moi');
    expect(slugOf('Nghị định 15/2024/NĐ-CP')).toBe('nghi-dinh-15-2024-nd-cp');
    expect(slugOf('  Quảng Bình\u00a0và   Hà Tĩnh  ')).toBe('quang-binh-va-ha-tinh');
    expect(slugOf('TP.HCM đón iPhone')).toBe('tp-hcm-don-iphone');
  });

  it('reads “&” as “và”', () => expect(slugOf('Văn hóa & Thể thao')).toBe('van-hoa-va-the-thao'));

  it('gives nothing for a title of only signs or emoji', () => {
    expect(slugOf('🎉🎉')).toBe('');
    expect(slugOf('!!! …')).toBe('');
    expect(slugOf('')).toBe('');
  });

  it('caps at WordPress’s 200 bytes, at a word boundary, with no trailing hyphen', () => {
    const title = Array.from({ length: 60 }, (_, i) => `Cửa Lò ${i}`).join(' ');
    const slug = slugOf(title);
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(200);
    expect(slug.length).toBeGreaterThan(190);
    expect(slug).not.toMatch(/-$/);
    // Every word kept is whole: the slug is a prefix of the full one, ending where a word ends.
    const full = Array.from({ length: 60 }, (_, i) => `cua-lo-${i}`).join('-');
    expect(full.startsWith(`${slug}-`)).toBe(true);
    // One word longer than the cap is cut where the cap falls.
    expect(slugOf('a'.repeat(250))).toBe('a'.repeat(200));
  });

  it('keeps a slug of exactly 200 characters whole', () => {
    const slug = `${'ab-'.repeat(66)}ab`;
    expect(slug).toHaveLength(200);
    expect(slugOf(slug)).toBe(slug);
  });

  it('is idempotent: a slug comes back unchanged (SLUG_MALFORMED relies on it)', () => {
    for (const title of ['Cửa Lò tham gia giao ban', 'Đường đến Đà Nẵng 2024', 'COVID-19 & cúm mùa']) {
      expect(slugOf(slugOf(title))).toBe(slugOf(title));
    }
  });
});
