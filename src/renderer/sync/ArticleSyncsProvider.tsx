import type { ReactNode } from 'react';
import type { Bridge } from '../app/bridge';
import { ArticleSyncsContext } from './ArticleSyncsContext';
import { useArticleSyncs } from './useArticleSyncs';

/**
 * Holds every article's standing with the portal and gives it to the views that show it. Its own
 * component, not state of the workspace: a push sends a sync.changed for every outbox step (two
 * or more a second), and each one re-rendered the whole workspace with it — the open editor of a
 * 10,000-word article, its checklist and the queue — while the writer typed. Here it re-renders
 * only the context's readers (badges, the status bar); `children` are the same elements as before.
 */
export function ArticleSyncsProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  const syncs = useArticleSyncs(bridge);
  return <ArticleSyncsContext.Provider value={syncs}>{children}</ArticleSyncsContext.Provider>;
}
