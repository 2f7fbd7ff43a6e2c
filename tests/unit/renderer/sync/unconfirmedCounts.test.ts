import { expect, it } from 'vitest';
import type { ArticleState, ArticleSummary } from '../../../../src/shared/model/Article';
import type { ArticleSync } from '../../../../src/shared/model/SyncStatus';
import { unconfirmedCounts } from '../../../../src/renderer/sync/unconfirmedCounts';

function summary(id: string, state: ArticleState): ArticleSummary {
  return { id, rev: 1, title: `Cửa Lò tổ chức hội nghị giao ban quý III (${id})`, byline: 'Nguyễn Văn Hùng', category: 'Thời sự', state, wordCount: 420, updatedAt: '2026-12-02T08:00:00.000Z' };
}

const confirmed: ArticleSync = {
  articleId: 'a',
  receipt: { postId: 7, status: 'publish', link: 'https://cualo.vn/?p=7', modifiedGmt: '2026-12-02T08:00:00', at: '2026-12-02T08:00:01.000Z' },
  waiting: false,
  problem: null,
  conflict: false,
  deletedOnPortal: false,
};

const articles = [summary('a', 'published'), summary('b', 'published'), summary('c', 'scheduled'), summary('d', 'submitted'), summary('e', 'draft')];

it('counts, per claiming state, the articles the portal has not borne out', () => {
  const syncs = new Map([['a', confirmed], ['b', { ...confirmed, articleId: 'b', receipt: null, waiting: true }]]);
  expect(unconfirmedCounts(articles, syncs, true)).toEqual({ published: 1, scheduled: 1, submitted: 1 });
});

it('without a portal every published and scheduled article is local only; submitted claims nothing', () => {
  expect(unconfirmedCounts(articles, new Map([['a', confirmed]]), false)).toEqual({ published: 2, scheduled: 1 });
});
