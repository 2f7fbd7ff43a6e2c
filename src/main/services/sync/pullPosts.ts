import { syncKeyOf } from '../../../shared/content/syncMarker';
import type { Article } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { PortalReceipt } from '../../../shared/model/SyncStatus';
import type { PortalPost, PortalStatus } from '../portal/Portal';
import { autoMerged } from '../../../shared/model/ArticleMerge';
import { mergeArticle } from './mergeArticle';
import { followPortalStatus } from './followPortalStatus';
import { fromDateGmt } from './portalStatusFor';
import { listChangedPosts } from './listChangedPosts';
import { remoteContentOf } from './remoteContentOf';
import { contentOf, contentRevOf, postDigest, type SyncContext } from './SyncContext';
import { newSyncKey } from './SyncStateStore';

const PAGE_SIZE = 50;
/**
 * `modified_after` is compared with the site's local time on some WordPress versions, so each
 * pull asks for a day more than needed (covers every time zone) and skips what it already has
 * by `modified_gmt`.
 */
const CURSOR_SLACK_MS = 24 * 60 * 60 * 1000;
const OWN_STATUSES: readonly PortalStatus[] = ['draft', 'pending', 'future', 'publish', 'private'];
/** What an editor reviews of other people's work: the review queue is fed from this. */
const REVIEW_STATUSES: readonly PortalStatus[] = ['pending', 'future'];

export interface PullResult {
  /** The newest `modified_gmt` seen: the next pull's cursor. */
  cursor: string | null;
  /** Articles whose push must follow (a clean merge left local work the portal has not seen). */
  toPush: string[];
  seen: number;
}

/**
 * Brings in what changed on the portal since `cursor`: the user's own posts of every status, and
 * for editors everybody's pending and scheduled posts. For each post:
 * - unknown here: a new local article (its photos downloaded), keyed by the post id;
 * - unchanged since the base (same `modified_gmt`): nothing;
 * - changed there only: the local copy takes the portal's version;
 * - changed on both sides: merged by block against the base; a clean merge is saved and queued
 *   for a push, a conflict is kept for the writer to resolve. Local work is never overwritten.
 * Articles with an outbox item waiting are left to their push, which does the same check.
 */
export async function pullPosts(
  ctx: SyncContext,
  cursor: string | null,
  options: { busy: (articleId: string) => boolean },
): Promise<PullResult> {
  const result: PullResult = { cursor, toPush: [], seen: 0 };
  const modifiedAfter = cursor ? new Date(Date.parse(`${cursor}Z`) - CURSOR_SLACK_MS).toISOString() : undefined;
  const queries: { statuses: readonly PortalStatus[]; author?: number }[] = [{ statuses: OWN_STATUSES, author: ctx.account.userId }];
  // Editors also follow every post they hold, whoever wrote it and whatever its status (one they
  // published is no longer pending, and its writer's later edits must still reach them); only
  // pending and scheduled posts of others are new articles here (importPost).
  if (ctx.account.can.editOthers) queries.push({ statuses: OWN_STATUSES });
  const done = new Set<number>();
  for (const query of queries) {
    // Not by page number: posts modified in one second have no stable order (listChangedPosts).
    for await (const post of listChangedPosts(ctx.portal, { ...query, ...(modifiedAfter ? { modifiedAfter } : {}), perPage: PAGE_SIZE })) {
      if (done.has(post.id)) continue;
      done.add(post.id);
      result.seen += 1;
      if (await applyPost(ctx, post, options.busy)) result.toPush.push(ctx.states.articleOfPost(post.id)!);
      if (!result.cursor || post.modifiedGmt > result.cursor) result.cursor = post.modifiedGmt;
    }
  }
  return result;
}

/** Returns true when the article now holds work the portal has not seen (push it). */
async function applyPost(ctx: SyncContext, post: PortalPost, busy: (articleId: string) => boolean): Promise<boolean> {
  const key = syncKeyOf(post.content);
  let articleId = ctx.states.articleOfPost(post.id);
  if (!articleId && key) {
    const owner = ctx.states.all().find((state) => state.key === key);
    if (owner?.postId != null && owner.postId !== post.id && post.author === ctx.account.userId) {
      // A second copy of one of ours (a create that landed after its search found nothing).
      await ctx.portal.trashPost(post.id);
      ctx.stats.duplicatesRemoved += 1;
      return false;
    }
    if (owner) {
      articleId = owner.articleId;
      await ctx.states.update(articleId, { postId: post.id });
    }
  }
  if (!articleId) {
    await importPost(ctx, post, key);
    return false;
  }
  if (busy(articleId)) return false;
  const state = ctx.states.get(articleId)!;
  if (state.base && state.base.modifiedGmt === post.modifiedGmt && state.base.digest === postDigest(post)) return false;

  let local: Article;
  try {
    local = await ctx.articles.get(articleId);
  } catch {
    // Deleted or damaged here: the portal's copy comes back as a new article rather than being lost.
    await importPost(ctx, post, key);
    return false;
  }
  const remote = await remoteContentOf(ctx, post);
  ctx.stats.pulled += 1;
  let pushAfter = false;
  let saved = local;
  if (state.base && contentRevOf(local) === state.base.contentRev) {
    // No local work since the base: the portal's version is the article now. Taken through a merge
    // with the local copy as its own base (so every change is the portal's and none conflicts):
    // a block the portal has in the same form stays the local node, with what only this laptop
    // keeps of it. A wp-admin save drops our block attributes, a photo's camera file name with them.
    const theirs = autoMerged(mergeArticle(contentOf(local), contentOf(local), remote));
    saved = await ctx.applying(articleId, () => ctx.articles.save(articleId, local.rev, theirs));
  } else {
    // Local work the portal has not seen. Without a base nothing says who changed what: merge
    // against an empty article, so that every difference is shown rather than decided.
    const base = state.base?.content ?? emptyContent(remote);
    const merge = mergeArticle(base, contentOf(local), remote);
    if (!merge.clean) {
      await ctx.states.update(articleId, { conflict: { merge, remote, remoteModifiedGmt: post.modifiedGmt, remoteDigest: postDigest(post), localContentRev: contentRevOf(local) } });
      ctx.stats.conflicts += 1;
      return false;
    }
    saved = await ctx.applying(articleId, () => ctx.articles.save(articleId, local.rev, autoMerged(merge)));
    ctx.stats.merged += 1;
    pushAfter = true;
  }
  saved = await followPortalStatus(ctx, saved, post, state.receipt?.status ?? null);
  const receipt: PortalReceipt = { postId: post.id, status: post.status, link: post.link, modifiedGmt: post.modifiedGmt, at: ctx.now().toISOString() };
  await ctx.states.update(articleId, {
    receipt,
    base: { content: remote, modifiedGmt: post.modifiedGmt, digest: postDigest(post), contentRev: pushAfter ? (state.base?.contentRev ?? -1) : contentRevOf(saved), state: saved.state },
    conflict: null,
    deletedOnPortal: false,
  });
  return pushAfter;
}

async function importPost(ctx: SyncContext, post: PortalPost, key: string | null): Promise<void> {
  const own = post.author === ctx.account.userId;
  if (!own && !REVIEW_STATUSES.includes(post.status)) return;
  const content = await remoteContentOf(ctx, post);
  const created = await ctx.applying('', () =>
    ctx.articles.create(
      { ...content, publishAt: post.status === 'future' && post.dateGmt ? fromDateGmt(post.dateGmt) : null },
      { createdBy: own ? ctx.account.name : `wp-user-${post.author}` },
    ),
  );
  const article = await followPortalStatus(ctx, created, post, null);
  await ctx.states.put({
    articleId: article.id,
    key: key ?? newSyncKey(),
    postId: post.id,
    createAttempted: true,
    base: { content, modifiedGmt: post.modifiedGmt, digest: postDigest(post), contentRev: contentRevOf(article), state: article.state },
    receipt: { postId: post.id, status: post.status, link: post.link, modifiedGmt: post.modifiedGmt, at: ctx.now().toISOString() },
    conflict: null,
    problem: null,
    deletedOnPortal: false,
  });
  ctx.stats.pulled += 1;
}

function emptyContent(like: ArticleContent): ArticleContent {
  return { title: '', lead: '', body: { root: { ...like.body.root, children: [] } }, byline: '', dateline: '', category: '', tags: [], featuredAssetId: null };
}
