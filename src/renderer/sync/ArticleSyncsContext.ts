import { createContext } from 'react';
import type { ArticleSyncs } from './useArticleSyncs';

/** The workspace's one useArticleSyncs(), for the queue rows, the editor and the status bar. */
export const ArticleSyncsContext = createContext<ArticleSyncs>({ byId: new Map(), status: null });
