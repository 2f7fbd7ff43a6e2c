import { NewsdeskError, isNewsdeskError } from '../../../shared/errors';
import type { Article } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { PortalReceipt } from '../../../shared/model/SyncStatus';
import { assetIdSchema } from '../../../shared/model/MediaAsset';
import type { PortalPost, PostFields } from '../portal/Portal';
import { articleToPost } from './articleToPost';
import { autoMerged } from '../../../shared/model/ArticleMerge';
import { mergeArticle } from './mergeArticle';
import { followPortalStatus } from './followPortalStatus';
import { portalStatusFor, toDateGmt } from './portalStatusFor';
import { remoteContentOf } from './remoteContentOf';
import { contentOf, contentRevOf, postDigest, type SyncContext } from './SyncContext';

/** PORTAL_CHANGED answers (the plugin's 412) taken in one push before the outbox's retry takes over. */
const MAX_CHANGED_RETRIES = 2;

/**
 * Makes the portal's post match the article as it is now: photos first, then the post, then its
 * status. Every step is safe to repeat, which is what lets the outbox retry it blindly:
 *
 * 1. Photos: an upload is recorded as attempted (fsync) before it is sent; after a failure the
 *    attachment is looked up by its key before uploading again. Known photos whose caption or alt
 *    text changed are updated in place.
 * 2. Create: the key is in the content as a comment and `createAttempted` is on disk before the
 *    request; after any failure the post is looked up by its key before creating again. Extra
 *    copies found then (a create that landed after all) are trashed, the lowest id kept.
 * 3. Update: the post is read first; if the portal changed it since the base (its `modified_gmt`),
 *    the three versions are merged by block. A clean merge is saved locally and pushed; a conflict
 *    stops here (SYNC_CONFLICT) until the writer chooses. On stock WordPress the read-then-write
 *    leaves a window of one request in which a portal edit could still be overwritten (core has no
 *    conditional update); with the companion plugin the write names the version read, a 412
 *    (PORTAL_CHANGED) sends the push back to the read and the merge (docs/sync.md).
 *
 * Returns the portal's receipt. Throws NewsdeskError: PORTAL_* (transient ones are retried by the
 * engine), SYNC_CONFLICT, or PORTAL_FORBIDDEN {reason: 'upload_files'} after pushing the text when
 * the role may not upload the photos (they wait in the outbox).
 */
export async function pushArticle(ctx: SyncContext, pushed: Article, attempt = 0): Promise<PortalReceipt | null> {
  let article = pushed;
  const state = await ctx.states.ensure(article.id);
  let wanted = portalStatusFor(article.state, { syncDrafts: ctx.syncDrafts, onPortal: state.postId !== null });
  if (wanted === null) return state.receipt;
  if (wanted === 'trash') return trash(ctx, article.id);

  let local = contentOf(article);
  let localRev = contentRevOf(article);
  const waitingPhotos = await pushPhotos(ctx, local);

  let postId = state.postId;
  // With the companion plugin a repeated create returns the first one's post: no search needed.
  if (postId === null && state.createAttempted && !(await ctx.portal.features()).idempotentCreate) postId = await findCreated(ctx, article.id, state.key);

  let post: PortalPost;
  if (postId === null) {
    await ctx.states.update(article.id, { createAttempted: true });
    post = await ctx.portal.createPost(await postFields(ctx, { ...local, slug: article.slug }, state.key, wanted, article.publishAt), state.key);
    await ctx.states.update(article.id, { postId: post.id });
    if (post.replayed) ctx.stats.recoveredCreates += 1;
    else ctx.stats.created += 1;
  } else {
    const remote = await readPost(ctx, article.id, postId);
    const synced = ctx.states.get(article.id);
    const base = synced?.base ?? null;
    const lastStatus = synced?.receipt?.status ?? null;
    if (base && lastStatus && remote.status !== lastStatus && base.state === article.state) {
      // Moved on the portal (an editor in wp-admin, or on another laptop) and not here: follow it,
      // rather than putting back the status this laptop last sent.
      article = await followPortalStatus(ctx, article, remote, lastStatus);
      wanted = portalStatusFor(article.state, { syncDrafts: ctx.syncDrafts, onPortal: true }) ?? remote.status;
      if (wanted === 'trash') return trash(ctx, article.id);
    }
    if (base && (remote.modifiedGmt !== base.modifiedGmt || postDigest(remote) !== base.digest)) {
      // Changed on the portal since we last agreed: merge before writing, never overwrite.
      const remoteContent = await remoteContentOf(ctx, remote);
      const merge = mergeArticle(base.content, local, remoteContent);
      if (!merge.clean) {
        await ctx.states.update(article.id, { conflict: { merge, remote: remoteContent, remoteModifiedGmt: remote.modifiedGmt, remoteDigest: postDigest(remote), localContentRev: localRev } });
        ctx.stats.conflicts += 1;
        throw new NewsdeskError('SYNC_CONFLICT', { articleId: article.id });
      }
      const merged = autoMerged(merge);
      const saved = await ctx.applying(article.id, () => ctx.articles.save(article.id, article.rev, merged));
      local = contentOf(saved);
      localRev = contentRevOf(saved);
      // The portal's version just merged is now what both sides share (the local copy holds it),
      // as after a merge in a pull. Should the write below fail, the next try merges against it,
      // not against the older base: there the portal's changes, already merged here, would count
      // as changes of both sides, and a local change beside them as a conflict. contentRev -1:
      // the local copy holds work the portal has not seen.
      await ctx.states.update(article.id, {
        base: { content: remoteContent, modifiedGmt: remote.modifiedGmt, digest: postDigest(remote), contentRev: -1, state: base.state },
      });
      ctx.stats.merged += 1;
    }
    try {
      // Conditional on the version just read when the portal can refuse a stale write (the plugin).
      post = await ctx.portal.updatePost(postId, await postFields(ctx, { ...local, slug: article.slug }, state.key, wanted, article.publishAt, { titleSlug: false }), remote);
    } catch (error) {
      // Changed on the portal between the read and this write: read and merge again, as above.
      if (isNewsdeskError(error) && error.code === 'PORTAL_CHANGED' && attempt < MAX_CHANGED_RETRIES) {
        return pushArticle(ctx, await ctx.articles.get(article.id), attempt + 1);
      }
      throw error;
    }
    ctx.stats.updated += 1;
  }

  const receipt: PortalReceipt = { postId: post.id, status: post.status, link: post.link, modifiedGmt: post.modifiedGmt, at: ctx.now().toISOString() };
  await ctx.states.update(article.id, {
    postId: post.id,
    receipt,
    base: { content: await remoteContentOf(ctx, post), modifiedGmt: post.modifiedGmt, digest: postDigest(post), contentRev: localRev, state: article.state },
    conflict: null,
    problem: null,
    deletedOnPortal: false,
  });
  if (waitingPhotos > 0) {
    // The text is on the portal; the photos wait here until the role may upload them.
    throw new NewsdeskError('PORTAL_FORBIDDEN', { wpCode: 'rest_cannot_create', reason: 'upload_files', photos: waitingPhotos });
  }
  return receipt;
}

async function trash(ctx: SyncContext, articleId: string): Promise<PortalReceipt | null> {
  const state = ctx.states.get(articleId);
  if (!state?.postId) return null;
  let post: PortalPost;
  try {
    post = await ctx.portal.trashPost(state.postId);
  } catch (error) {
    // Already gone from the portal: what spiking asked for.
    if (isNewsdeskError(error) && error.code === 'PORTAL_NOT_FOUND') {
      await ctx.states.update(articleId, { receipt: state.receipt ? { ...state.receipt, status: 'trash', at: ctx.now().toISOString() } : null });
      return ctx.states.get(articleId)?.receipt ?? null;
    }
    throw error;
  }
  const receipt: PortalReceipt = { postId: post.id, status: 'trash', link: post.link, modifiedGmt: post.modifiedGmt, at: ctx.now().toISOString() };
  await ctx.states.update(articleId, { receipt, problem: null });
  return receipt;
}

async function readPost(ctx: SyncContext, articleId: string, postId: number): Promise<PortalPost> {
  try {
    const post = await ctx.portal.getPost(postId);
    if (post.status !== 'trash') return post;
  } catch (error) {
    if (!isNewsdeskError(error) || error.code !== 'PORTAL_NOT_FOUND') throw error;
  }
  // Deleted (or trashed) on the portal: ask the writer; never re-create it silently.
  await ctx.states.update(articleId, { deletedOnPortal: true });
  throw new NewsdeskError('PORTAL_NOT_FOUND', { articleId, postId });
}

/** After a create that may have landed: the post with our key, if any; extra copies are trashed. */
async function findCreated(ctx: SyncContext, articleId: string, key: string): Promise<number | null> {
  const found = (await ctx.portal.findPostsByMarker(key, ctx.account.userId)).filter((post) => post.status !== 'trash');
  if (found.length === 0) return null;
  found.sort((a, b) => a.id - b.id);
  const [kept, ...extra] = found;
  await ctx.states.update(articleId, { postId: kept!.id });
  ctx.stats.recoveredCreates += 1;
  for (const copy of extra) {
    await ctx.portal.trashPost(copy.id);
    ctx.stats.duplicatesRemoved += 1;
  }
  return kept!.id;
}

async function postFields(
  ctx: SyncContext,
  content: ArticleContent & { slug: string },
  key: string,
  status: Exclude<PostFields['status'], never>,
  publishAt: string | null,
  { titleSlug = true }: { titleSlug?: boolean } = {},
): Promise<PostFields> {
  const { title, content: html, excerpt, slug: folded } = articleToPost(content, {
    key,
    // A portal-only photo (`wp:<id>`: its download has not succeeded yet) keeps its media id, or
    // the push would write the figure without it and the photo would vanish from the post.
    mediaIdOf: (assetId) => ctx.receipts.mediaIdOf(assetId) ?? portalOnlyMediaId(assetId),
    srcOf: (assetId) => ctx.receipts.get(assetId)?.sourceUrl ?? undefined,
  });
  // The slug the title gives is sent when the post is made; later only a slug the writer set:
  // a slug an editor changed in wp-admin is not overwritten by every push.
  const slug = titleSlug || content.slug.trim() !== '' ? folded : '';
  const categories: number[] = [];
  if (content.category.trim() !== '') {
    const id = await ctx.portal.termId('categories', content.category);
    if (id !== null) categories.push(id);
  }
  const tags: number[] = [];
  for (const tag of content.tags) {
    const id = await ctx.portal.termId('tags', tag);
    if (id !== null) tags.push(id);
  }
  const featured = content.featuredAssetId ? (ctx.receipts.mediaIdOf(content.featuredAssetId) ?? portalOnlyMediaId(content.featuredAssetId)) : undefined;
  return {
    title,
    content: html,
    excerpt,
    // An empty slug (a title of only signs) is not sent: WordPress then names the post itself.
    ...(slug !== '' ? { slug } : {}),
    status,
    ...(status === 'future' && publishAt ? { dateGmt: toDateGmt(publishAt) } : {}),
    categories,
    tags,
    featuredMedia: featured ?? 0,
  };
}

/** Uploads the article's photos the portal does not have; returns how many must wait (role). */
async function pushPhotos(ctx: SyncContext, content: ArticleContent): Promise<number> {
  const photos = photosOf(content);
  let waiting = 0;
  for (const [assetId, fields] of photos) {
    const receipt = await ctx.receipts.ensure(assetId);
    const sent = JSON.stringify(fields);
    if (receipt.mediaId !== null) {
      if (receipt.sentFields !== sent) {
        await ctx.portal.updateMedia(receipt.mediaId, fields);
        await ctx.receipts.update(assetId, { sentFields: sent });
      }
      continue;
    }
    if (!ctx.account.can.uploadFiles) {
      waiting += 1;
      continue;
    }
    if (receipt.uploadAttempted && !(await ctx.portal.features()).idempotentCreate) {
      const found = (await ctx.portal.findMediaByMarker(receipt.key, ctx.account.userId)).sort((a, b) => a.id - b.id);
      if (found.length > 0) {
        await ctx.receipts.update(assetId, { mediaId: found[0]!.id, sourceUrl: found[0]!.sourceUrl });
        ctx.stats.recoveredUploads += 1;
        // The upload sent these fields too, but which try landed is unknown: send them once more.
        await ctx.portal.updateMedia(found[0]!.id, fields);
        await ctx.receipts.update(assetId, { sentFields: sent });
        continue;
      }
    }
    const original = await ctx.media.get(assetId, 'original');
    const asset = await ctx.media.meta(assetId);
    await ctx.receipts.update(assetId, { uploadAttempted: true });
    const uploaded = await ctx.portal.uploadMedia({
      bytes: original.bytes,
      filename: asset.name,
      mime: original.mime,
      key: receipt.key,
      ...fields,
    });
    await ctx.receipts.update(assetId, { mediaId: uploaded.id, sourceUrl: uploaded.sourceUrl, sentFields: sent });
    if (uploaded.replayed) ctx.stats.recoveredUploads += 1;
    else ctx.stats.uploaded += 1;
  }
  return waiting;
}

/** Local photos of an article (figures, then the featured photo), with the fields the portal keeps. */
function photosOf(content: ArticleContent): Map<string, { caption: string; altText: string; description: string }> {
  const photos = new Map<string, { caption: string; altText: string; description: string }>();
  for (const block of content.body.root.children) {
    const node = block as { type?: unknown; assetId?: unknown; caption?: unknown; alt?: unknown; credit?: unknown };
    if (node.type !== 'figure' || typeof node.assetId !== 'string' || !assetIdSchema.safeParse(node.assetId).success) continue;
    if (photos.has(node.assetId)) continue;
    photos.set(node.assetId, {
      caption: typeof node.caption === 'string' ? node.caption : '',
      altText: typeof node.alt === 'string' ? node.alt : '',
      description: typeof node.credit === 'string' ? node.credit : '',
    });
  }
  const featured = content.featuredAssetId;
  if (featured && assetIdSchema.safeParse(featured).success && !photos.has(featured)) {
    photos.set(featured, { caption: '', altText: '', description: '' });
  }
  return photos;
}

function portalOnlyMediaId(assetId: string): number | undefined {
  const match = /^wp:(\d+)$/.exec(assetId);
  return match ? Number(match[1]) : undefined;
}
