import type { ArticleState, ArticleSummary } from '../../shared/model/Article';
import type { ArticleSync } from '../../shared/model/SyncStatus';
import { portalBadgeOf } from './portalBadgeOf';

/**
 * Per local state, how many articles claim of the portal what it has not said (a "published" one
 * still in the outbox, or with no portal at all): the queue's chips show it beside their count.
 */
export function unconfirmedCounts(
  articles: readonly ArticleSummary[],
  syncs: ReadonlyMap<string, ArticleSync>,
  configured: boolean,
): Partial<Record<ArticleState, number>> {
  const counts: Partial<Record<ArticleState, number>> = {};
  for (const article of articles) {
    if (article.state !== 'published' && article.state !== 'scheduled' && article.state !== 'submitted') continue;
    const { badge, replacesChip } = portalBadgeOf(article.state, syncs.get(article.id) ?? null, configured);
    if (replacesChip && badge?.kind !== 'portal') counts[article.state] = (counts[article.state] ?? 0) + 1;
  }
  return counts;
}
