import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../src/shared/model/Article';
import { patchSummaries } from '../../../../src/renderer/queue/patchSummaries';

const summary = (id: string, title: string, rev = 1): ArticleSummary => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  rev,
  title,
  byline: 'Thanh Bình',
  category: 'Thời sự',
  state: 'draft',
  wordCount: 10,
  updatedAt: '2026-11-22T08:00:00.000Z',
});

describe('patchSummaries', () => {
  const list = [summary('1', 'Cửa Lò'), summary('2', 'Nghệ An'), summary('3', 'Vinh')];

  it('replaces a saved one, adds a created one and drops a deleted one, touching nothing else', () => {
    const saved = summary('2', 'Nghệ An mới', 2);
    const created = summary('4', 'Diễn Châu');
    let next = patchSummaries(list, { ids: [saved.id], summaries: [saved] });
    next = patchSummaries(next, { ids: [created.id], summaries: [created] });
    next = patchSummaries(next, { ids: [list[0]!.id], summaries: [] });
    expect(next.map((s) => s.title)).toEqual(['Nghệ An mới', 'Vinh', 'Diễn Châu']);
    expect(next[1]).toBe(list[2]);
    expect(list.map((s) => s.title)).toEqual(['Cửa Lò', 'Nghệ An', 'Vinh']);
  });

  it('returns the same array for an event with no ids', () => {
    expect(patchSummaries(list, { ids: [], summaries: [] })).toBe(list);
  });
});
