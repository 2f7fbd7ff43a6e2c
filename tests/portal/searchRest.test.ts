// What WordPress's own search (`/wp/v2/posts?search=`) does with Vietnamese, pinned against the
// real thing. Finding (WordPress 6.1 on MariaDB 10.11, tables in utf8mb4_unicode_520_ci): search is
// `LIKE '%term%'` per word under a collation that ignores case and every mark, đ included. So the
// diacritic-free spelling ("cua lo") finds what "Cửa Lò" finds, but so do unrelated words that
// only share letters ("của" + "lòng"), and an article spelling "Cửa Lò" correctly gets no rank
// over one spelling it "Cua Lo": ties go by date. A decomposed (NFD) query finds nothing at all. Our SearchService matches folded syllables too,
// but whole syllables, and ranks the spelling as typed first (SearchService.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSkipReason } from './harness/portalSkipReason';
import { startWordPress, type WordPress } from './harness/startWordPress';

let wp: WordPress;
const skip = portalSkipReason();

const POSTS = {
  marked: { title: 'Du lịch Cửa Lò hút khách dịp lễ', date: '2026-01-01T08:00:00' },
  bare: { title: 'Cua Lo mua he nam nay', date: '2026-02-01T08:00:00' },
  // Shares letters only: "của" (of) and "lòng" (heart) are other words.
  unrelated: { title: 'Tấm lòng của người dân vùng lũ', date: '2026-03-01T08:00:00' },
  road: { title: 'Đường vào thôn Đồng Cỏ đã thông xe', date: '2026-03-02T08:00:00' },
  control: { title: 'Chợ Bến Lành họp lại sau bão', date: '2026-03-03T08:00:00' },
} as const;
const ids = {} as Record<keyof typeof POSTS, number>;

async function search(q: string): Promise<number[]> {
  const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', { query: { search: q, per_page: 20 } });
  expect(response.status).toBe(200);
  return (response.body as { id: number }[]).map((post) => post.id);
}

describe.skipIf(skip !== null)('WordPress REST search and Vietnamese diacritics (real WordPress)', () => {
  beforeAll(async () => {
    wp = await startWordPress();
    for (const [key, post] of Object.entries(POSTS) as [keyof typeof POSTS, (typeof POSTS)[keyof typeof POSTS]][]) {
      const response = await wp.rest(wp.users.editor, 'POST', '/wp/v2/posts', {
        json: { ...post, status: 'publish', content: `<!-- wp:paragraph -->\n<p>${post.title}.</p>\n<!-- /wp:paragraph -->` },
      });
      expect(response.status).toBe(201);
      ids[key] = (response.body as { id: number }).id;
    }
  });
  afterAll(async () => {
    await wp?.stop();
  });

  it('stores posts in utf8mb4_unicode_520_ci, the collation behind everything below', async () => {
    const collation = await wp.database.sql(
      "SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'wordpress' AND TABLE_NAME = 'wp_posts'",
    );
    expect(collation.trim()).toBe('utf8mb4_unicode_520_ci');
  });

  it('"Cửa Lò", "cua lo", "Cua Lo" and "CỬA LÒ" find the same posts: marks and case are ignored', async () => {
    const expected = [ids.marked, ids.bare, ids.unrelated].sort();
    for (const q of ['Cửa Lò', 'cua lo', 'Cua Lo', 'CỬA LÒ']) {
      expect([...(await search(q))].sort(), q).toEqual(expected);
    }
  });

  it('matches letters, not words: "Cửa Lò" also finds "Tấm lòng của người dân" (của ~ cửa, lòng ⊃ lò)', async () => {
    expect(await search('Cửa Lò')).toContain(ids.unrelated);
    expect(await search('Cửa Lò')).not.toContain(ids.control);
  });

  it('gives the spelling as typed no rank: for "Cửa Lò" the newer "Cua Lo" post comes first', async () => {
    const found = await search('Cửa Lò');
    expect(found.indexOf(ids.bare)).toBeLessThan(found.indexOf(ids.marked));
  });

  it('folds đ to d: "duong dong co" finds "Đường vào thôn Đồng Cỏ"', async () => {
    expect(await search('duong dong co')).toEqual([ids.road]);
    expect(await search('Đường Đồng Cỏ')).toEqual([ids.road]);
  });

  it('a decomposed (NFD) query finds nothing: neither WordPress nor the collation normalises it', async () => {
    const nfd = 'Cửa Lò'.normalize('NFD');
    expect(nfd).not.toBe('Cửa Lò');
    expect((await search('Cửa Lò')).length).toBeGreaterThan(0);
    expect(await search(nfd)).toEqual([]);
  });
});
