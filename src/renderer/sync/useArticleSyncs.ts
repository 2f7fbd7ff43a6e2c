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
    const unsubscribe = bridge.on('sync.changed', ({ status, articles }) => {
      if (!live) return;
      statusSeen = true;
      for (const sync of articles) touched.add(sync.articleId);
      setValue((previous) => {
        const byId = new Map(previous.byId);
        for (const sync of articles) byId.set(sync.articleId, sync);
        return { byId, status };
      });
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
      unsubscribe();
    };
  }, [bridge]);
  return value;
}
