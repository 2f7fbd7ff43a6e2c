import type { ArticleSummary } from '../../shared/model/Article';

/**
 * The queue's list after an `articles.changed` event: each changed id takes its new summary, or
 * leaves the list if it has none (deleted); new ones are added. Order does not matter here: the
 * queue view sorts. Returns the same array when nothing changed, so React renders nothing.
 */
export function patchSummaries(
  current: readonly ArticleSummary[],
  change: { ids: readonly string[]; summaries: readonly ArticleSummary[] },
): ArticleSummary[] {
  if (change.ids.length === 0) return current as ArticleSummary[];
  const fresh = new Map(change.summaries.map((summary) => [summary.id, summary]));
  const changed = new Set(change.ids);
  const next: ArticleSummary[] = [];
  for (const summary of current) {
    if (!changed.has(summary.id)) next.push(summary);
    else if (fresh.has(summary.id)) {
      next.push(fresh.get(summary.id)!);
      fresh.delete(summary.id);
    }
  }
  next.push(...fresh.values());
  return next;
}
