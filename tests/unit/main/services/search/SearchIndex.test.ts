import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../../src/main/services/search/SearchIndex';
import type { SearchableFields } from '../../../../../src/main/services/search/searchableFields';
import { tokenizeVietnamese } from '../../../../../src/shared/text/tokenizeVietnamese';

function fields(partial: Partial<SearchableFields>): SearchableFields {
  return { title: '', tags: '', lead: '', captions: '', byline: '', body: '', ...partial };
}
const ids = (index: SearchIndex, q: string, limit = 20) => index.search(tokenizeVietnamese(q), limit).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('matches only the last syllable as a prefix', () => {
    const index = new SearchIndex();
    index.put('a', fields({ title: 'Nông thôn mới' }));
    index.put('b', fields({ body: 'Nông dân về thôn' }));
    expect(ids(index, 'nong th').sort()).toEqual(['a', 'b']);
    expect(ids(index, 'no thon')).toEqual([]); // "no" is not a whole syllable here
    expect(ids(index, 'thon no').sort()).toEqual(['a', 'b']);
  });

  it('ranks a title match above a body match, and exact spellings above both', () => {
    const index = new SearchIndex();
    index.put('body', fields({ body: 'Chuyện ở bến lành' }));
    index.put('title', fields({ title: 'Bến Lành', body: 'x' }));
    index.put('bare', fields({ body: 'Ben Lanh' }));
    expect(ids(index, 'Bến Lành')).toEqual(['title', 'body', 'bare']);
    expect(ids(index, 'ben lanh')).toEqual(['bare', 'title', 'body']);
    expect(index.search(tokenizeVietnamese('bến lành'), 1)).toEqual([{ id: 'title', exact: true }]);
  });

  it('while the last syllable is being typed, the syllables before it decide exactness', () => {
    const index = new SearchIndex();
    index.put('bare', fields({ title: 'Ben Lanh' }));
    index.put('marked', fields({ body: 'Bến Lành' }));
    expect(index.search(tokenizeVietnamese('bến l'), 20)).toEqual([
      { id: 'marked', exact: true },
      { id: 'bare', exact: false },
    ]);
  });

  it('re-indexes and removes in place, reusing freed numbers, and keeps other articles intact', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i += 1) index.put(`a${i}`, fields({ title: `Bài ${i} về lúa gạo`, body: i % 2 ? 'mùa màng' : 'thủy lợi' }));
    index.remove('a10');
    index.remove('a11');
    index.put('a20', fields({ title: 'Sầu riêng' }));
    index.put('new', fields({ title: 'Lúa mới' }));
    expect(index.size).toBe(49);
    expect(ids(index, 'lua', 100)).toHaveLength(48);
    expect(ids(index, 'lua', 100)).not.toContain('a10');
    expect(ids(index, 'sau rieng')).toEqual(['a20']);
    expect(ids(index, 'thuy loi', 100)).toHaveLength(23); // even of 0..49 is 25, minus a10 and a20
    expect(ids(index, 'mua mang', 100)).toHaveLength(24); // odd is 25, minus a11
    expect(index.remove('a10')).toBe(false);
  });

  it('finds syllables added after the vocabulary was sorted', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 700; i += 1) index.put(`w${i}`, fields({ body: `từ${i}` }));
    expect(ids(index, 'tu69', 100).sort()).toEqual(['w69', 'w690', 'w691', 'w692', 'w693', 'w694', 'w695', 'w696', 'w697', 'w698', 'w699'].sort());
    index.put('late', fields({ body: 'từ69x' }));
    expect(ids(index, 'tu69x')).toEqual(['late']);
  });
});
