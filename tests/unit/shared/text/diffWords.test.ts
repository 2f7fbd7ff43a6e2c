import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, tokenizeForDiff, type DiffPart } from '../../../../src/shared/text/diffWords';

const side = (parts: DiffPart[], keep: 'insert' | 'delete') =>
  parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('');

describe('tokenizeForDiff', () => {
  it('keeps a Vietnamese syllable whole, marks included, even when typed decomposed', () => {
    expect(tokenizeForDiff('Cửa Lò, Nghệ An.')).toEqual(['Cửa', ' ', 'Lò', ',', ' ', 'Nghệ', ' ', 'An', '.']);
    expect(tokenizeForDiff('Cửa Lò'.normalize('NFD'))).toEqual(['Cửa', ' ', 'Lò']);
  });

  it('preserves every character: tokens join back to the (NFC) text', () => {
    const text = '  Ngày 30/4,\n“Đường Hồ Chí Minh” — 2025!  ';
    expect(tokenizeForDiff(text).join('')).toBe(text);
  });
});

describe('diffWords', () => {
  it('treats "Cửa Lò" and "Cua Lo" as different words', () => {
    const parts = diffWords('Bãi biển Cửa Lò đông khách', 'Bãi biển Cua Lo đông khách');
    expect(parts).toEqual([
      { op: 'equal', text: 'Bãi biển ' },
      { op: 'delete', text: 'Cửa Lò' },
      { op: 'insert', text: 'Cua Lo' },
      { op: 'equal', text: ' đông khách' },
    ]);
  });

  it('sees no change between NFC and NFD forms of the same words', () => {
    const text = 'Thành phố Vinh, tỉnh Nghệ An';
    expect(diffWords(text.normalize('NFD'), text)).toEqual([{ op: 'equal', text }]);
  });

  it('changes only the word whose tone mark changed', () => {
    const parts = diffWords('mua hàng ở chợ', 'múa hàng ở chợ');
    expect(parts).toEqual([
      { op: 'delete', text: 'mua' },
      { op: 'insert', text: 'múa' },
      { op: 'equal', text: ' hàng ở chợ' },
    ]);
  });

  it('finds an inserted and a deleted word in the middle of a sentence', () => {
    const parts = diffWords('Sáng nay, UBND thị xã họp báo.', 'Sáng nay, UBND thị xã Cửa Lò họp.');
    expect(side(parts, 'delete')).toBe('Sáng nay, UBND thị xã họp báo.');
    expect(side(parts, 'insert')).toBe('Sáng nay, UBND thị xã Cửa Lò họp.');
    // Two alignments are equally short here; either way the unchanged start stays unchanged.
    expect(parts[0]).toEqual({ op: 'equal', text: 'Sáng nay, UBND thị xã ' });
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text).join('|')).toContain('Cửa Lò');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|')).toContain('báo');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|')).not.toContain('xã');
  });

  it('handles empty sides', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'Xin chào')).toEqual([{ op: 'insert', text: 'Xin chào' }]);
    expect(diffWords('Xin chào', '')).toEqual([{ op: 'delete', text: 'Xin chào' }]);
  });

  it('always reconstructs both texts, and is minimal for shared prefixes (property)', () => {
    const words = fc.constantFrom('Cửa', 'Lò', 'Cua', 'Lo', 'Nghệ', 'An', 'tin', 'bài', '2025', ',', '.', ' ', '\n', '  ');
    const text = fc.array(words, { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'delete')).toBe(before);
        expect(side(parts, 'insert')).toBe(after);
        if (before === after) expect(parts.every((p) => p.op === 'equal')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('diffs two long articles quickly and correctly', () => {
    const paragraph = 'Cửa Lò tham gia giao ban trực tuyến về công tác thông tin truyền thông. ';
    const before = paragraph.repeat(400);
    const after = before.replace('giao ban', 'họp').replace(/thông tin truyền thông\. $/, 'báo chí.');
    const started = performance.now();
    const parts = diffWords(before, after);
    const elapsed = performance.now() - started;
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['họp', 'báo chí']);
    console.log(`diffWords: ${before.length} chars each side in ${elapsed.toFixed(1)} ms`);
  });

  it('falls back to "all replaced" for unrelated texts past the edit limit, still exact', () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3_000 }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(before, after);
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
  });
});
