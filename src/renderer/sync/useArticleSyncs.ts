import { useEffect, useState } from 'react';
import type { ArticleSync, SyncStatus } from '../../shared/model/SyncStatus';
import type { Bridge } from '../app/bridge';

export interface ArticleSyncs {
  /** Each article's standing with the portal, by article id; an article absent here is unknown to it. */
  byId: ReadonlyMap<string, ArticleSync>;
  /** null until the service first answers. */
  status: SyncStatus | null;
}

/**
 * While sync.changed events stream in (a push sends one for every outbox step, several a second),
 * the readers re-render at most once per this many milliseconds: the first event of a quiet spell
 * is shown at once, those after it together at the end of the interval. A status bar that moves
 * four times a second is as live as a writer can read; each re-render is work done between key
 * presses.
 */
export const SYNC_CHANGED_INTERVAL_MS = 250;

/**
 * Every article's standing with the portal and the sync status, kept live from `sync.changed`.
 * A change that arrives while the first listing is in flight wins over that listing: the listing
 * may predate it.
 */
export function useArticleSyncs(bridge: Bridge): ArticleSyncs {
  const [value, setValue] = useState<ArticleSyncs>(() => ({ byId: new Map(), status: null }));
  useEffect(() => {
    let live = true;
    const touched = new Set<string>();
    let statusSeen = false;
    // Events not applied yet: the latest standing of each article, and the latest status.
    const pending = new Map<string, ArticleSync>();
    let pendingStatus: SyncStatus | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastApplied = Number.NEGATIVE_INFINITY;
    const apply = () => {
      timer = null;
      lastApplied = Date.now();
      const status = pendingStatus;
      if (!live || status === null) return;
      const articles = [...pending.values()];
      pending.clear();
      pendingStatus = null;
      setValue((previous) => {
        const byId = new Map(previous.byId);
        for (const sync of articles) byId.set(sync.articleId, sync);
        return { byId, status };
      });
    };
    const unsubscribe = bridge.on('sync.changed', ({ status, articles }) => {
      if (!live) return;
      statusSeen = true;
      for (const sync of articles) {
        touched.add(sync.articleId);
        pending.set(sync.articleId, sync);
      }
      pendingStatus = status;
      if (timer !== null) return;
      const wait = lastApplied + SYNC_CHANGED_INTERVAL_MS - Date.now();
      if (wait <= 0) apply();
      else timer = setTimeout(apply, wait);
    });
    Promise.all([bridge.invoke('sync.status', {}), bridge.invoke('sync.articles', {})]).then(
      ([status, list]) => {
        if (!live) return;
        setValue((previous) => {
          const byId = new Map(list.map((sync) => [sync.articleId, sync]));
          for (const id of touched) {
            const newer = previous.byId.get(id);
            if (newer) byId.set(id, newer);
          }
          return { byId, status: statusSeen ? previous.status : status };
        });
      },
      // The sync service not answering leaves the portal unknown: nothing is claimed meanwhile.
      () => undefined,
    );
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [bridge]);
  return value;
}
