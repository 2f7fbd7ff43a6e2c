import { isNewsdeskError } from '../../../shared/errors';
import { isTransientPortalError } from '../portal/isTransientPortalError';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { PortalPost } from '../portal/Portal';
import { postToArticle } from './postToArticle';
import type { SyncContext } from './SyncContext';

/** `wp:<media id>`: a figure whose photo the portal has and this laptop does not (htmlToLexical). */
const PORTAL_ONLY = /^wp:(\d+)$/;
const DEFAULT_CATEGORY_ID = 1;

/**
 * A post as article content, with every photo it uses on this laptop: attachments we uploaded
 * are found by media id (the key that survives a wp-admin save); others are downloaded into the
 * media store, so that a pulled article opens offline. A photo that cannot be fetched stays a
 * portal-only figure (`wp:<id>`), shown from the portal when online; the text is never held up.
 */
export async function remoteContentOf(ctx: SyncContext, post: PortalPost): Promise<ArticleContent> {
  // WordPress files a post with no category under its default one (term 1, "Uncategorized", made
  // at install): that is the absence of a category, not one an editor chose.
  const chosen = post.categories.filter((id) => id !== DEFAULT_CATEGORY_ID);
  const [categories, tags] = await Promise.all([
    chosen.length ? ctx.portal.termNames('categories', chosen) : Promise.resolve(new Map<number, string>()),
    post.tags.length ? ctx.portal.termNames('tags', post.tags) : Promise.resolve(new Map<number, string>()),
  ]);
  const read = () =>
    postToArticle(post, {
      assetIdOfMedia: (mediaId) => ctx.receipts.assetOf(mediaId),
      categoryName: chosen.map((id) => categories.get(id)).find((name): name is string => typeof name === 'string') ?? '',
      tagNames: post.tags.map((id) => tags.get(id)).filter((name): name is string => typeof name === 'string'),
    });
  let content = read();
  const missing = new Set<number>();
  for (const block of content.body.root.children) {
    const node = block as { type?: unknown; assetId?: unknown };
    const match = node.type === 'figure' && typeof node.assetId === 'string' ? PORTAL_ONLY.exec(node.assetId) : null;
    if (match) missing.add(Number(match[1]));
  }
  if (post.featuredMedia > 0 && !ctx.receipts.assetOf(post.featuredMedia)) missing.add(post.featuredMedia);
  let fetched = 0;
  for (const mediaId of missing) {
    if (await download(ctx, mediaId)) fetched += 1;
  }
  if (fetched > 0) content = read();
  const featured = post.featuredMedia > 0 ? ctx.receipts.assetOf(post.featuredMedia) : undefined;
  return { ...content, featuredAssetId: featured ?? (post.featuredMedia > 0 ? content.featuredAssetId : null) };
}

async function download(ctx: SyncContext, mediaId: number): Promise<boolean> {
  try {
    const media = await ctx.portal.getMedia(mediaId);
    const { bytes } = await ctx.portal.downloadMedia(media.sourceUrl);
    const name = decodeURIComponent(new URL(media.sourceUrl).pathname.split('/').pop() || `portal-${mediaId}.jpg`);
    const asset = await ctx.media.import({ name, bytes });
    const existing = ctx.receipts.get(asset.assetId);
    // The same bytes may be ours already (uploaded from here): keep that receipt's key.
    const others = existing?.mediaId != null && existing.mediaId !== mediaId ? [...(existing.otherMediaIds ?? []), mediaId] : existing?.otherMediaIds;
    await ctx.receipts.update(asset.assetId, {
      mediaId: existing?.mediaId ?? mediaId,
      ...(others ? { otherMediaIds: others } : {}),
      sourceUrl: existing?.sourceUrl ?? media.sourceUrl,
      uploadAttempted: true,
      sentFields: existing?.sentFields ?? JSON.stringify({ caption: media.caption, altText: media.altText, description: media.description }),
    });
    return true;
  } catch (error) {
    // Transient failures surface through the post's own requests; a photo the portal lost, or
    // one we cannot decode, must not stop the text from arriving.
    // A glitch (no answer, 5xx, a cut answer) fails the pull, which is tried again; a refusal or a
    // photo gone from the portal leaves the figure portal-only rather than losing the post.
    if (isNewsdeskError(error) && (isTransientPortalError(error) || error.code === 'PORTAL_AUTH')) throw error;
    return false;
  }
}
