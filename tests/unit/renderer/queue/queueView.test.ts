import { describe, expect, it } from 'vitest';
import type { ArticleState, ArticleSummary } from '../../../../src/shared/model/Article';
import { buildQueueView, EMPTY_FILTER, localDay } from '../../../../src/renderer/queue/queueView';
import { foldVietnamese as fold } from '../../../../src/shared/text/foldVietnamese';

let n = 0;
function summary(state: ArticleState, patch: Partial<ArticleSummary> = {}): ArticleSummary {
  n += 1;
  return {
    id: `a${n}`,
    rev: 1,
    title: `Bài ${n}`,
    byline: 'Nguyễn Văn An',
    category: 'Thời sự',
    state,
    wordCount: 100,
    updatedAt: `2026-03-${String(n).padStart(2, '0')}T05:00:00.000Z`,
    ...patch,
  };
}

describe('buildQueueView', () => {
  const all = [
    summary('draft', { title: 'Đường mới', byline: 'Trần Thị Mai', category: 'Kinh tế' }),
    summary('draft', { title: 'ấp Bàu Sen' }),
    summary('submitted', { title: '' }),
    summary('published', { title: 'Bóng đá', category: 'Thể thao' }),
    summary('spiked', { title: 'Bỏ' }),
  ];

  it('hides spiked articles by default and counts every state', () => {
    const view = buildQueueView(all, EMPTY_FILTER, 'updated');
    expect(view.rows.map((row) => row.state)).not.toContain('spiked');
    expect(view.rows).toHaveLength(4);
    expect(view.counts).toMatchObject({ active: 4, draft: 2, submitted: 1, published: 1, spiked: 1, in_review: 0 });
  });

  it('filters by state; counts ignore the state filter but follow the others', () => {
    const drafts = buildQueueView(all, { ...EMPTY_FILTER, state: 'draft' }, 'updated');
    expect(drafts.rows.map((row) => row.title)).toEqual(['ấp Bàu Sen', 'Đường mới']);
    expect(drafts.counts.published).toBe(1);
    const economy = buildQueueView(all, { ...EMPTY_FILTER, category: 'Kinh tế' }, 'updated');
    expect(economy.counts).toMatchObject({ active: 1, draft: 1, published: 0 });
    expect(economy.categories).toEqual(['Kinh tế', 'Thể thao', 'Thời sự']);
  });

  it('matches the author without marks or case', () => {
    const view = buildQueueView(all, { ...EMPTY_FILTER, author: 'tran thi' }, 'updated');
    expect(view.rows.map((row) => row.byline)).toEqual(['Trần Thị Mai']);
    expect(fold('Đặng')).toBe('dang');
  });

  it('matches the creator too, so an unbylined draft is found under its writer', () => {
    const mine = summary('draft', { title: 'Chưa ký tên', byline: '', createdBy: 'Lê Văn Hùng' });
    const view = buildQueueView([...all, mine], { ...EMPTY_FILTER, author: 'le van hung' }, 'updated');
    expect(view.rows.map((row) => row.title)).toEqual(['Chưa ký tên']);
  });

  it('filters by local day, both ends inclusive', () => {
    const day = localDay(all[1]!.updatedAt);
    const view = buildQueueView(all, { ...EMPTY_FILTER, from: day, to: day }, 'updated');
    expect(view.rows.map((row) => row.id)).toEqual([all[1]!.id]);
    expect(buildQueueView(all, { ...EMPTY_FILTER, from: localDay(all[3]!.updatedAt) }, 'updated').rows.map((r) => r.id)).toEqual([
      all[3]!.id,
    ]);
  });

  it('sorts newest first, by Vietnamese title with untitled last, or by lifecycle order', () => {
    expect(buildQueueView(all, EMPTY_FILTER, 'updated').rows.map((row) => row.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(buildQueueView(all, EMPTY_FILTER, 'title').rows.map((row) => row.title)).toEqual(['ấp Bàu Sen', 'Bóng đá', 'Đường mới', '']);
    expect(buildQueueView(all, EMPTY_FILTER, 'state').rows.map((row) => row.state)).toEqual(['draft', 'draft', 'submitted', 'published']);
  });
});
