// REST facts the sync engine relies on, pinned against a real WordPress (Debian's 6.1 package):
// who may create and publish what, what comes back byte for byte, and how changes are seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gutenbergToLexical } from '../../src/shared/content/gutenbergToLexical';
import { lexicalToGutenberg } from '../../src/shared/content/lexicalToGutenberg';
import { documentOf, figureNode, headingNode, linkNode, listNode, paragraphNode, quoteNode, textNode } from '../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../src/shared/model/Article';
import { portalSkipReason } from './harness/portalSkipReason';
import { startWordPress, type PortalUser, type WordPress } from './harness/startWordPress';

interface PostBody {
  id: number;
  status: string;
  author: number;
  modified_gmt: string;
  title: { raw?: string; rendered: string };
  content: { raw?: string; rendered: string };
  excerpt: { raw?: string; rendered: string };
}
interface ErrorBody {
  code: string;
  data: { status: number };
}

const TITLE = 'Cửa Lò đón hơn 1.200 lượt khách dịp lễ, đường ven biển thông xe';
const LEAD = 'Thị xã Cửa Lò (Nghệ An) ghi nhận lượng khách tăng mạnh; bà con ở phường Nghi Thủy phấn khởi.';
const CONTENT = '<!-- wp:paragraph -->\n<p>Sáng 30/4, hàng nghìn người đổ về bãi biển. Ông Nguyễn Văn Hùng nói: “Năm nay đông hơn hẳn.”</p>\n<!-- /wp:paragraph -->';

let wp: WordPress;
const skip = portalSkipReason();

async function createPost(user: PortalUser, fields: Record<string, unknown>): Promise<PostBody> {
  const response = await wp.rest(user, 'POST', '/wp/v2/posts', { json: { status: 'pending', ...fields } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as PostBody;
}

async function readPost(user: PortalUser, id: number): Promise<PostBody> {
  const response = await wp.rest(user, 'GET', `/wp/v2/posts/${id}`, { query: { context: 'edit' } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as PostBody;
}

/** WordPress stamps times to the second: wait until the clock has moved to the next one. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

describe.skipIf(skip !== null)('WordPress REST posts (real WordPress)', () => {
  beforeAll(async () => {
    wp = await startWordPress();
  });
  afterAll(async () => {
    await wp?.stop();
  });

  it('serves the REST index and knows each test user by Application Password and role', async () => {
    const index = await wp.rest(null, 'GET', '/');
    expect(index.status).toBe(200);
    expect((index.body as { namespaces: string[] }).namespaces).toContain('wp/v2');
    for (const role of ['contributor', 'author', 'editor'] as const) {
      const me = await wp.rest(wp.users[role], 'GET', '/wp/v2/users/me', { query: { context: 'edit' } });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: wp.users[role].id, roles: [role] });
    }
    const wrong = await wp.rest({ ...wp.users.editor, appPassword: 'xxxx xxxx xxxx xxxx xxxx xxxx' }, 'GET', '/wp/v2/users/me');
    expect(wrong.status).toBe(401);
  });

  it('a contributor creates a pending post in Vietnamese and reads it back byte for byte', async () => {
    const created = await createPost(wp.users.contributor, { title: TITLE, excerpt: LEAD, content: CONTENT });
    expect(created.status).toBe('pending');
    expect(created.author).toBe(wp.users.contributor.id);
    const read = await readPost(wp.users.contributor, created.id);
    expect(read.title.raw).toBe(TITLE);
    expect(read.excerpt.raw).toBe(LEAD);
    expect(read.content.raw).toBe(CONTENT);
    expect(read.title.raw!.normalize('NFC')).toBe(read.title.raw);
  });

  it('keeps the bytes it is sent: decomposed (NFD) text comes back decomposed, so imports must normalise', async () => {
    const nfd = TITLE.normalize('NFD');
    expect(nfd).not.toBe(TITLE);
    const created = await createPost(wp.users.contributor, { title: nfd });
    const read = await readPost(wp.users.contributor, created.id);
    expect(read.title.raw).toBe(nfd);
  });

  it('refuses a contributor publishing: 403 rest_cannot_publish, and no post is made', async () => {
    const before = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', { query: { status: 'any', per_page: 100, context: 'edit' } });
    const response = await wp.rest(wp.users.contributor, 'POST', '/wp/v2/posts', { json: { title: 'Xuất bản luôn', status: 'publish' } });
    expect(response.status).toBe(403);
    expect((response.body as ErrorBody).code).toBe('rest_cannot_publish');
    const after = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', { query: { status: 'any', per_page: 100, context: 'edit' } });
    expect((after.body as PostBody[]).length).toBe((before.body as PostBody[]).length);
  });

  it('an editor lists pending posts with status=pending&context=edit (raw fields included)', async () => {
    const created = await createPost(wp.users.contributor, { title: 'Chờ duyệt: lũ lụt ở xã Tân Hòa', content: CONTENT });
    const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', { query: { status: 'pending', context: 'edit', per_page: 100 } });
    expect(response.status).toBe(200);
    const posts = response.body as PostBody[];
    expect(posts.every((post) => post.status === 'pending')).toBe(true);
    const mine = posts.find((post) => post.id === created.id);
    expect(mine?.title.raw).toBe('Chờ duyệt: lũ lụt ở xã Tân Hòa');
    expect(mine?.content.raw).toBe(CONTENT);
    // Without context=edit there are no raw fields: the sync engine must always ask for them.
    const view = await wp.rest(wp.users.editor, 'GET', `/wp/v2/posts/${created.id}`);
    expect((view.body as PostBody).title.raw).toBeUndefined();
  });

  it('stamps modified_gmt to the second and moves it on every update a second later', async () => {
    const created = await createPost(wp.users.contributor, { title: 'Bản đầu' });
    // No fraction of a second: two writes in the same second carry the same stamp.
    expect(created.modified_gmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    await nextSecond();
    const updated = await wp.rest(wp.users.contributor, 'POST', `/wp/v2/posts/${created.id}`, { json: { title: 'Bản sửa' } });
    expect(updated.status).toBe(200);
    const after = updated.body as PostBody;
    expect(after.modified_gmt > created.modified_gmt).toBe(true);
    expect((await readPost(wp.users.editor, created.id)).modified_gmt).toBe(after.modified_gmt);
  });

  it('modified_after returns only posts modified strictly after the given time', async () => {
    const older = await createPost(wp.users.contributor, { title: 'Cũ' });
    await nextSecond();
    const newer = await createPost(wp.users.contributor, { title: 'Mới' });
    expect(newer.modified_gmt > older.modified_gmt).toBe(true);
    const list = async (after: string) => {
      const response = await wp.rest(wp.users.editor, 'GET', '/wp/v2/posts', {
        query: { status: 'pending', context: 'edit', include: `${older.id},${newer.id}`, modified_after: after },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body as PostBody[]).map((post) => post.id).sort();
    };
    // The site's timezone is UTC (the harness leaves the default), so GMT and site time agree.
    expect(await list(`${older.modified_gmt}Z`)).toEqual([newer.id]);
    expect(await list(`${newer.modified_gmt}Z`)).toEqual([]);
    expect(await list('2000-01-01T00:00:00Z')).toEqual([older.id, newer.id].sort());
  });

  describe('Gutenberg block HTML from lexicalToGutenberg survives a round trip in content.raw', () => {
    const doc = documentOf([
      headingNode('h2', [textNode('Đường ven biển Bình Minh thông xe')]),
      paragraphNode([
        textNode('Theo '),
        linkNode('https://nghean.gov.vn/tin?id=1&x=2', [textNode('Cổng TTĐT'), textNode(' tỉnh', 1)], { title: 'Cổng "thông tin"' }),
        textNode(', tuyến đường dài 5,2 km; ', 0),
        textNode('bà con rất phấn khởi', 2),
        textNode(' <không phải thẻ> & “ngoặc kép”.'),
      ]),
      figureNode({
        assetId: 'as-0123456789abcdef',
        src: 'http://127.0.0.1/wp-content/uploads/2026/04/cua-lo.jpg',
        caption: 'Du khách tắm biển Cửa Lò sáng 30/4',
        alt: 'Bãi biển Cửa Lò đông người',
        credit: 'Ảnh: Trần Thị Mai',
      }),
      figureNode({ assetId: 'as-fedcba9876543210', caption: '', alt: 'Ảnh chưa có chú thích', credit: '', captionMissing: true }),
      quoteNode([textNode('Năm nay đông hơn hẳn mọi năm.')]),
      listNode('number', [[textNode('Một')], [textNode('Hai', 1)]]),
    ]);
    const html = lexicalToGutenberg(doc as unknown as LexicalState, { mediaIdOf: (assetId) => (assetId === 'as-0123456789abcdef' ? 42 : undefined) });

    it('the HTML under test carries wp:image blocks with our attributes in the comment', () => {
      expect(html).toContain('<!-- wp:paragraph -->');
      expect(html).toContain('<!-- wp:image {"id":42,"ndAsset":"as-0123456789abcdef"} -->');
      expect(html).toContain('"ndCaptionMissing":true');
    });

    it('sent by the editor (who has unfiltered_html): the same bytes back, the same Lexical JSON', async () => {
      const created = await createPost(wp.users.editor, { title: 'Khối Gutenberg', content: html });
      const read = await readPost(wp.users.editor, created.id);
      expect(read.content.raw).toBe(html);
      expect(gutenbergToLexical(read.content.raw!)).toEqual(doc);
    });

    it('sent by a contributor (no unfiltered_html): kses rewrites only `"/>` as `" />`; the Lexical JSON is the same', async () => {
      // So the sync engine must compare content parsed (or as WordPress last returned it), never
      // the bytes it sent: for a contributor's post they differ on every <img>.
      const created = await createPost(wp.users.contributor, { title: 'Khối Gutenberg', content: html });
      const read = await readPost(wp.users.contributor, created.id);
      expect(html).toContain('"/>');
      expect(read.content.raw).toBe(html.replaceAll('"/>', '" />'));
      expect(gutenbergToLexical(read.content.raw!)).toEqual(doc);
    });
  });
});
