import type { Article } from '../../../shared/model/Article';
import type { PortalPost, PortalStatus } from '../portal/Portal';
import { fromDateGmt, localStateFor } from './portalStatusFor';
import type { SyncContext } from './SyncContext';

/** Follows a status an editor set on the portal; a status we last saw ourselves changes nothing. */
export async function followPortalStatus(ctx: SyncContext, article: Article, post: PortalPost, lastSeen: PortalStatus | null): Promise<Article> {
  if (post.status === lastSeen) return article;
  const state = localStateFor(post.status, article.state);
  const publishAt = post.status === 'future' && post.dateGmt ? fromDateGmt(post.dateGmt) : article.publishAt;
  let current = article;
  if (publishAt !== article.publishAt) {
    current = await ctx.applying(article.id, () => ctx.articles.save(article.id, article.rev, { publishAt }));
  }
  if (state === current.state) return current;
  const { after } = await ctx.applying(article.id, () =>
    ctx.articles.setState(article.id, (stored) => ({
      state,
      returnNote: stored.returnNote,
      spikedFrom: state === 'spiked' && stored.state !== 'spiked' ? stored.state : stored.spikedFrom,
    })),
  );
  return after;
}

