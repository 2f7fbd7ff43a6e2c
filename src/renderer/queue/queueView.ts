import { ARTICLE_STATES, type ArticleState, type ArticleSummary } from '../../shared/model/Article';
import { foldVietnamese } from '../../shared/text/foldVietnamese';

/**
 * The queue's filtering, sorting and counting, over the summaries the store already keeps in
 * memory: 10,000 summaries filter and sort in a few milliseconds, so no round trip per keystroke.
 */

/** 'active': everything but the spiked (the trash is only shown when asked for). */
export type StateFilter = ArticleState | 'active';
export type QueueSort = 'updated' | 'title' | 'state';
export const QUEUE_SORTS: readonly QueueSort[] = ['updated', 'title', 'state'];

export interface QueueFilter {
  state: StateFilter;
  /**
   * Matches the byline or the creator's profile name, ignoring case and Vietnamese marks
   * ("nguyen" finds "Nguyễn"): an editor looks for a reporter's pieces, bylined or not yet.
   */
  author: string;
  /** '' = every category. */
  category: string;
  /** Local calendar days, yyyy-mm-dd, inclusive; '' = open-ended. Applied to the last update. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: QueueFilter = { state: 'active', author: '', category: '', from: '', to: '' };

export type StateCounts = Record<ArticleState | 'active', number>;

export interface QueueView {
  rows: ArticleSummary[];
  /** Per state, over the articles that pass every filter except the state one. */
  counts: StateCounts;
  categories: string[];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const STATE_ORDER = new Map(ARTICLE_STATES.map((state, index) => [state, index]));

export function buildQueueView(summaries: readonly ArticleSummary[], filter: QueueFilter, sort: QueueSort): QueueView {
  const counts = Object.fromEntries([...ARTICLE_STATES, 'active'].map((key) => [key, 0])) as StateCounts;
  const categories = new Set<string>();
  const author = foldVietnamese(filter.author.trim());
  const matching: ArticleSummary[] = [];
  for (const summary of summaries) {
    if (summary.category) categories.add(summary.category);
    if (author && !foldVietnamese(summary.byline).includes(author) && !foldVietnamese(summary.createdBy ?? '').includes(author)) continue;
    if (filter.category && summary.category !== filter.category) continue;
    if (filter.from || filter.to) {
      const day = localDay(summary.updatedAt);
      if (filter.from && day < filter.from) continue;
      if (filter.to && day > filter.to) continue;
    }
    counts[summary.state] += 1;
    if (summary.state !== 'spiked') counts.active += 1;
    const wanted = filter.state === 'active' ? summary.state !== 'spiked' : summary.state === filter.state;
    if (wanted) matching.push(summary);
  }
  return {
    rows: matching.sort(comparator(sort)),
    counts,
    categories: [...categories].sort((a, b) => collator.compare(a, b)),
  };
}

function comparator(sort: QueueSort): (a: ArticleSummary, b: ArticleSummary) => number {
  const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
    b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  switch (sort) {
    case 'updated':
      return newestFirst;
    case 'title':
      // Untitled drafts sink to the end rather than crowd the top.
      return (a, b) =>
        Number(a.title === '') - Number(b.title === '') || collator.compare(a.title, b.title) || newestFirst(a, b);
    case 'state':
      return (a, b) => (STATE_ORDER.get(a.state) ?? 0) - (STATE_ORDER.get(b.state) ?? 0) || newestFirst(a, b);
  }
}


/** yyyy-mm-dd of an ISO instant in the machine's time zone: the day the newsroom lived it. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
