// listChangedPosts against a portal that orders as MariaDB does for `ORDER BY post_modified`:
// posts of one second in any order, different from one request to the next.
import { describe, expect, it } from 'vitest';
import type { Portal, PortalPost, PostListQuery, PostPage } from '../../../../../src/main/services/portal/Portal';
import { listChangedPosts } from '../../../../../src/main/services/sync/listChangedPosts';

function post(id: number, modifiedGmt: string): PortalPost {
  return { id, status: 'pending', link: '', author: 3, modifiedGmt, dateGmt: null, title: `Tin ${id}`, content: '', excerpt: '', categories: [], tags: [], featuredMedia: 0 };
}

/** Seconds from 2026-12-02T08:00:00 as `modified_gmt`. */
const at = (second: number) => new Date(Date.UTC(2026, 11, 2, 8, 0, second)).toISOString().slice(0, 19);

interface FakeSite {
  posts: PortalPost[];
  requests: PostListQuery[];
  /** Runs before each answer (a web editor saving a post meanwhile). */
  before?: (request: number) => void;
}

/** What WordPress answers: filters strictly after/before, to the second; ties in random order. */
function fakePortal(site: FakeSite, seed = 7): Portal {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const listPosts = async (query: PostListQuery): Promise<PostPage> => {
    site.before?.(site.requests.length);
    site.requests.push(query);
    const after = query.modifiedAfter?.slice(0, 19);
    const before = query.modifiedBefore?.slice(0, 19);
    const matching = site.posts.filter((p) => (after === undefined || p.modifiedGmt > after) && (before === undefined || p.modifiedGmt < before));
    const shuffled = matching.map((p) => ({ p, tie: random() }));
    shuffled.sort((x, y) =>
      query.orderBy === 'id' ? x.p.id - y.p.id : x.p.modifiedGmt < y.p.modifiedGmt ? -1 : x.p.modifiedGmt > y.p.modifiedGmt ? 1 : x.tie - y.tie,
    );
    const from = (query.page - 1) * query.perPage;
    return {
      posts: shuffled.slice(from, from + query.perPage).map(({ p }) => ({ ...p })),
      total: matching.length,
      totalPages: Math.max(1, Math.ceil(matching.length / query.perPage)),
    };
  };
  return { listPosts } as unknown as Portal;
}

async function listAll(portal: Portal, modifiedAfter?: string): Promise<PortalPost[]> {
  const out: PortalPost[] = [];
  for await (const item of listChangedPosts(portal, { statuses: ['pending'], perPage: 50, ...(modifiedAfter ? { modifiedAfter } : {}) })) out.push(item);
  return out;
}
const distinctIds = (posts: readonly PortalPost[]) => [...new Set(posts.map((p) => p.id))].sort((x, y) => x - y);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('listChangedPosts', () => {
  it('lists 1,000 posts made in five seconds, every one, where paging by page number misses some', async () => {
    const site: FakeSite = { posts: range(1, 1000).map((id) => post(id, at(Math.floor((id - 1) / 200)))), requests: [] };
    const portal = fakePortal(site);
    // The way pulls paged before: page numbers over orderby=modified.
    const paged = new Set<number>();
    for (let page = 1; page <= 20; page += 1) for (const p of (await portal.listPosts({ statuses: ['pending'], page, perPage: 50 })).posts) paged.add(p.id);
    expect(paged.size).toBeLessThan(1000);

    site.requests.length = 0;
    const listed = await listAll(portal);
    expect(distinctIds(listed)).toEqual(range(1, 1000));
    // Oldest modification first, and each second in one go.
    const stamps = listed.map((p) => p.modifiedGmt);
    expect(stamps).toEqual([...stamps].sort());
    expect(site.requests.length).toBeLessThan(40);
  });

  it('lists posts in distinct seconds with one request per page and nothing twice', async () => {
    const site: FakeSite = { posts: range(1, 120).map((id) => post(id, at(id))), requests: [] };
    const listed = await listAll(fakePortal(site), at(0));
    expect(listed.map((p) => p.id)).toEqual(range(1, 120));
    expect(site.requests.map((q) => q.orderBy ?? 'modified')).toEqual(['modified', 'modified', 'modified']);
  });

  it('reads a second again when a post in it is saved while it is being paged: no post is missed', async () => {
    // 150 in one second, then 30 later ones; while the big second is paged by id, a web editor
    // saves post 20 (it moves to the present) — the pages shift by one.
    const site: FakeSite = { posts: [...range(1, 150).map((id) => post(id, at(10))), ...range(151, 180).map((id) => post(id, at(11 + id - 151)))], requests: [] };
    site.before = (request) => {
      if (site.requests[request - 1]?.orderBy === 'id' && site.requests[request - 1]?.page === 1 && !site.posts.some((p) => p.modifiedGmt === at(59))) {
        site.posts.find((p) => p.id === 20)!.modifiedGmt = at(59);
      }
    };
    const listed = await listAll(fakePortal(site, 11));
    expect(distinctIds(listed)).toEqual(range(1, 180));
    // The second was read again after its total changed.
    expect(site.requests.filter((q) => q.orderBy === 'id' && q.page === 1)).toHaveLength(2);
  });

  it('takes an answer out of modification order, or before modified_after, as PORTAL_BAD_RESPONSE, not as the whole list', async () => {
    const site: FakeSite = { posts: range(1, 10).map((id) => post(id, at(id))), requests: [] };
    const reversed = { listPosts: async (q: PostListQuery) => { const page = await fakePortal(site).listPosts(q); return { ...page, posts: [...page.posts].reverse() }; } } as unknown as Portal;
    await expect(listAll(reversed)).rejects.toMatchObject({ code: 'PORTAL_BAD_RESPONSE', details: { reason: 'order' } });
    const unfiltered = { listPosts: (q: PostListQuery) => fakePortal(site).listPosts({ ...q, modifiedAfter: undefined }) } as unknown as Portal;
    await expect(listAll(unfiltered, at(5))).rejects.toMatchObject({ code: 'PORTAL_BAD_RESPONSE', details: { reason: 'order' } });
  });
});
