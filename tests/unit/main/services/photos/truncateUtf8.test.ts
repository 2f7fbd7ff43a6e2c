import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from '../../../../../src/main/services/photos/truncateUtf8';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('truncateUtf8', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateUtf8('Cửa Lò', 9)).toBe('Cửa Lò');
    expect(truncateUtf8('', 0)).toBe('');
  });

  it('cuts before a letter that would not fit whole (ử is 3 bytes)', () => {
    // "C" 1 byte, "ử" 3 bytes: 3 bytes hold only "C".
    expect(truncateUtf8('Cửa Lò', 3)).toBe('C');
    expect(truncateUtf8('Cửa Lò', 4)).toBe('Cử');
  });

  it('never parts a decomposed letter from its tone marks', () => {
    const nfd = 'Nguyễn'.normalize('NFD'); // N g u y e ̂ ̃ n: "ễ" is 5 bytes
    for (let max = 0; max <= bytes(nfd); max += 1) {
      const cut = truncateUtf8(nfd, max);
      expect(bytes(cut)).toBeLessThanOrEqual(max);
      expect(nfd.startsWith(cut)).toBe(true);
      expect(['', 'N', 'Ng', 'Ngu', 'Nguy', 'Nguyễ'.normalize('NFD'), nfd]).toContain(cut);
    }
  });

  it('fills a 2000-byte limit as far as whole letters go', () => {
    const caption = 'Điểm cầu tại Sở Thông tin và Truyền thông. '.repeat(80);
    const cut = truncateUtf8(caption, 2000);
    expect(bytes(cut)).toBeLessThanOrEqual(2000);
    expect(bytes(cut)).toBeGreaterThan(1996);
    expect(caption.startsWith(cut)).toBe(true);
  });
});
