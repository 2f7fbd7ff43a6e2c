import { createHash } from 'node:crypto';
import type { Article } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { PortalAccountView } from '../../../shared/model/PortalAccount';
import type { MediaStore } from '../media/MediaStore';
import type { Portal, PortalPost } from '../portal/Portal';
import type { ArticleStore } from '../store/ArticleStore';
import type { MediaReceipts } from './MediaReceipts';
import type { SyncStateStore } from './SyncStateStore';

/** What the pusher and the puller share: the stores, the portal, and the engine's bookkeeping. */
export interface SyncContext {
  portal: Portal;
  account: PortalAccountView;
  articles: ArticleStore;
  media: MediaStore;
  states: SyncStateStore;
  receipts: MediaReceipts;
  now: () => Date;
  syncDrafts: boolean;
  /**
   * Runs a write of the sync engine's own to the article store: the change it causes must not
   * queue another push of what was just pulled.
   */
  applying<T>(articleId: string, write: () => Promise<T>): Promise<T>;
  /** Counts what the engine did that matters for proof (duplicates found and removed). */
  stats: SyncStats;
}

export interface SyncStats {
  created: number;
  updated: number;
  uploaded: number;
  /** Creates whose answer was lost, found again by their key instead of being made twice. */
  recoveredCreates: number;
  recoveredUploads: number;
  /** Extra copies found on the portal (a create that landed after its search) and trashed. */
  duplicatesRemoved: number;
  merged: number;
  conflicts: number;
  pulled: number;
}

export function emptyStats(): SyncStats {
  return { created: 0, updated: 0, uploaded: 0, recoveredCreates: 0, recoveredUploads: 0, duplicatesRemoved: 0, merged: 0, conflicts: 0, pulled: 0 };
}

/** The synced fields of an article. */
export function contentOf(article: Article): ArticleContent {
  return {
    title: article.title,
    lead: article.lead,
    body: article.body,
    byline: article.byline,
    dateline: article.dateline,
    category: article.category,
    tags: article.tags,
    featuredAssetId: article.featuredAssetId,
  };
}

/** The rev of the article's content (state changes bump rev, not this). */
export function contentRevOf(article: Article): number {
  return article.contentRev ?? article.rev;
}

/**
 * What the portal holds of a post, as one value. `modified_gmt` has a resolution of one second:
 * two saves within the same second (ours and an editor's) keep it equal, so "unchanged since the
 * base" is decided by this digest as well as by the time.
 */
export function postDigest(post: PortalPost): string {
  return createHash('sha256')
    .update(JSON.stringify([post.title, post.content, post.excerpt, post.status, post.categories, post.tags, post.featuredMedia, post.dateGmt]))
    .digest('hex');
}
