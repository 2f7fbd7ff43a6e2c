import { NewsdeskError } from '../../../shared/errors';
import type { Portal, PortalPost, PortalStatus } from '../portal/Portal';

export interface ChangedPostsQuery {
  statuses: readonly PortalStatus[];
  author?: number;
  /** ISO, UTC: posts modified strictly after this; none for every post. */
  modifiedAfter?: string;
  perPage: number;
}

/** A second's posts are read again when they changed while being paged; this many times at most. */
const MAX_REREADS = 10;

/**
 * Every post of the query modified after `modifiedAfter`, oldest modification first; a post may
 * come twice (the caller keeps the first). Paging `orderby=modified` by page number is not
 * complete: WordPress orders by `post_modified` alone, to the second, and MariaDB returns the posts
 * of one second in any order from one request to the next, so pages overlap and miss (a pull of
 * 1,000 posts made in a few seconds saw 562). WordPress's REST API takes one `orderby` key only,
 * so the order cannot be made total there. Instead:
 *
 * - Each request is page 1 of `modified_after=<t>`. One answer is one query of the database, so it
 *   is a prefix in modification order: every post modified before the last one's second T is in
 *   it. Those are taken; the next request starts at T (`modified_after` = T − 1 s, strictly after).
 *   Progress: T is later than t, and what came before T was taken.
 * - A full page that is all one second T (more posts in T than a page) is read as that second
 *   alone (`modified_after` T − 1 s, `modified_before` T + 1 s), by id, which is unique and so a
 *   stable order: its pages partition it as long as it does not change. A post edited meanwhile
 *   leaves the second (and shifts the pages); that shows as a changed X-WP-Total, and the second is
 *   read again. A post can only enter a second while it is the present one; a pull lists a day
 *   before its cursor again (pullPosts), so that second is read again by the next pull anyway.
 *   Then the next request starts after T.
 *
 * So every post that is not edited during the pull is listed; one edited during it is listed by
 * this pull or by the next. A page out of modification order, or one before `modifiedAfter`, is
 * PORTAL_BAD_RESPONSE: the reasoning above would not hold for such a server.
 */
export async function* listChangedPosts(portal: Portal, query: ChangedPostsQuery): AsyncGenerator<PortalPost> {
  const { perPage, modifiedAfter, ...filter } = query;
  let after = modifiedAfter;
  for (;;) {
    const { posts } = await portal.listPosts({ ...filter, ...(after === undefined ? {} : { modifiedAfter: after }), page: 1, perPage });
    checkOrder(posts, after);
    if (posts.length < perPage) {
      yield* posts;
      return;
    }
    const last = posts[posts.length - 1]!.modifiedGmt;
    if (posts[0]!.modifiedGmt !== last) {
      for (const post of posts) if (post.modifiedGmt < last) yield post;
      after = shiftSeconds(last, -1);
    } else {
      yield* sameSecond(portal, filter, last, perPage);
      after = last;
    }
  }
}

/** Every post modified in `second` (a `modified_gmt`), by id, read again while it changes. */
async function* sameSecond(portal: Portal, filter: Omit<ChangedPostsQuery, 'perPage' | 'modifiedAfter'>, second: string, perPage: number): AsyncGenerator<PortalPost> {
  const window = { modifiedAfter: shiftSeconds(second, -1), modifiedBefore: shiftSeconds(second, 1), orderBy: 'id' as const };
  for (let read = 0; read < MAX_REREADS; read += 1) {
    let total: number | null = null;
    let changed = false;
    for (let page = 1; ; page += 1) {
      const answer = await portal.listPosts({ ...filter, ...window, page, perPage });
      if (total !== null && answer.total !== total) {
        changed = true;
        break;
      }
      total = answer.total;
      for (const post of answer.posts) if (post.modifiedGmt === second) yield post;
      if (page >= answer.totalPages || answer.posts.length === 0) break;
    }
    if (!changed) return;
  }
  throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'unstable', route: '/wp/v2/posts' });
}

function checkOrder(posts: readonly PortalPost[], after: string | undefined): void {
  posts.forEach((post, index) => {
    const previous = index === 0 ? null : posts[index - 1]!.modifiedGmt;
    if ((previous !== null && post.modifiedGmt < previous) || (after !== undefined && post.modifiedGmt <= after.slice(0, 19))) {
      throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'order', route: '/wp/v2/posts' });
    }
  });
}

/** A `modified_gmt` stamp (YYYY-MM-DDTHH:MM:SS, UTC) moved by whole seconds, in the same form. */
function shiftSeconds(stamp: string, seconds: number): string {
  return new Date(Date.parse(`${stamp}Z`) + seconds * 1000).toISOString().slice(0, 19);
}
