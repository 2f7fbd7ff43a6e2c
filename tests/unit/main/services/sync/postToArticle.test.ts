import { describe, expect, it } from 'vitest';
import type { PortalPost } from '../../../../../src/main/services/portal/Portal';
import { articleToPost } from '../../../../../src/main/services/sync/articleToPost';
import { mergeArticle } from '../../../../../src/main/services/sync/mergeArticle';
import { postToArticle } from '../../../../../src/main/services/sync/postToArticle';
import { blockKey } from '../../../../../src/shared/content/blockKey';
import { decodeCommentJson, encodeCommentJson } from '../../../../../src/shared/content/commentJson';
import { lineBreakNode, paragraphNode, textNode, type SerializedBlock } from '../../../../../src/shared/content/serializedNodes';
import type { ArticleContent } from '../../../../../src/shared/model/ArticleContent';
import { autoMerged } from '../../../../../src/shared/model/ArticleMerge';
import { P1, PHOTO_BAI_BIEN, PHOTO_HOI_NGHI, figuresOf, richArticle, withBlocks } from './articleFixtures';

const KEY = 'fedcba9876543210fedcba9876543210';
const MEDIA = new Map([
  [PHOTO_HOI_NGHI.assetId, { id: 41, src: 'https://cualo.gov.vn/wp-content/uploads/2026/10/hoi-nghi.jpg' }],
  [PHOTO_BAI_BIEN.assetId, { id: 42, src: 'https://cualo.gov.vn/wp-content/uploads/2026/10/bai-bien.jpg' }],
]);
const toPostOptions = { key: KEY, mediaIdOf: (assetId: string) => MEDIA.get(assetId)?.id, srcOf: (assetId: string) => MEDIA.get(assetId)?.src };
const fromPostOptions = (content: ArticleContent) => ({
  assetIdOfMedia: (mediaId: number) => [...MEDIA].find(([, media]) => media.id === mediaId)?.[0],
  categoryName: content.category,
  tagNames: content.tags,
});

function portalPost(fields: { title: string; content: string; excerpt: string }, featuredMedia = 0): PortalPost {
  return {
    id: 310,
    status: 'pending',
    link: 'https://cualo.gov.vn/?p=310',
    author: 3,
    modifiedGmt: '2026-10-12T02:00:00',
    dateGmt: null,
    categories: [4],
    tags: [7, 8, 9],
    featuredMedia,
    ...fields,
  };
}

/**
 * What a wp-admin Update does to our markup, as seen in tests/portal/postMapping.test.ts and
 * reference/sync-and-photo-facts.md: every attribute of ours dropped from the block comments, the
 * marker (a comment outside any block) wrapped in a Classic block's paragraph, one newline between
 * blocks, and for a role without unfiltered_html kses' spacing of self-closing tags.
 */
function wpAdminSave(content: string): string {
  return content
    .replace(/<!-- (wp:[a-z/-]+) (\{.*?\}) -->/g, (_whole, name: string, json: string) => {
      const attrs = Object.fromEntries(Object.entries(decodeCommentJson(json) as Record<string, unknown>).filter(([key]) => !key.startsWith('nd')));
      return Object.keys(attrs).length > 0 ? `<!-- ${name} ${encodeCommentJson(attrs)} -->` : `<!-- ${name} -->`;
    })
    .replace(/^(<!-- newsdesk:sync [a-f0-9]{32} -->)\n/, '<p>$1</p>\n')
    .replaceAll('-->\n\n<!--', '-->\n<!--')
    .replaceAll('"/>', '" />')
    .replaceAll('<br/>', '<br />');
}

const keysOf = (content: ArticleContent) => content.body.root.children.map(blockKey);

describe('postToArticle', () => {
  it('reads back what articleToPost wrote: same fields, same blocks, the marker gone', () => {
    const article = { ...richArticle(), featuredAssetId: PHOTO_BAI_BIEN.assetId };
    const post = portalPost(articleToPost(article, toPostOptions), 42);
    const back = postToArticle(post, fromPostOptions(article));
    expect(back).toEqual({ ...article, body: back.body });
    expect(keysOf(back)).toEqual(keysOf(article));
    expect(JSON.stringify(back.body)).not.toContain('newsdesk:sync');
    expect(figuresOf(back).map((figure) => figure.src)).toEqual([MEDIA.get(PHOTO_HOI_NGHI.assetId)!.src, MEDIA.get(PHOTO_BAI_BIEN.assetId)!.src]);
  });

  it('after a wp-admin save, finds the photos again by media id and the dateline and byline by class: no change to merge', () => {
    const rich = richArticle();
    const article = withBlocks(rich, ...(rich.body.root.children as SerializedBlock[]), paragraphNode([textNode('Hội trường UBND thị xã'), lineBreakNode(), textNode('số 1 Bình Minh')]));
    const sent = articleToPost(article, toPostOptions).content;
    const saved = wpAdminSave(sent);
    // The simulation does what it says: our attributes and the tight `/>` are gone.
    expect(saved).not.toMatch(/"nd[A-Z]/);
    expect(saved).not.toContain('"/>');
    expect(saved).toContain('<!-- wp:image {"id":41} -->');
    expect(saved.startsWith(`<p><!-- newsdesk:sync ${KEY} --></p>\n<!-- wp:paragraph {"className":"nd-dateline"} -->`)).toBe(true);
    const back = postToArticle(portalPost({ ...articleToPost(article, toPostOptions), content: saved }, 41), fromPostOptions(article));
    expect(keysOf(back)).toEqual(keysOf(article));
    expect(figuresOf(back).map((figure) => figure.assetId)).toEqual([PHOTO_HOI_NGHI.assetId, PHOTO_BAI_BIEN.assetId]);
    expect([back.dateline, back.byline, back.title, back.lead]).toEqual([article.dateline, article.byline, article.title, article.lead]);

    const merge = mergeArticle(article, article, back);
    expect(merge.clean).toBe(true);
    expect(Object.values(merge.fields).every((field) => field.kind === 'same')).toBe(true);
    // The merged body is the local one, camera file names included.
    expect(autoMerged(merge).body).toEqual(article.body);
  });

  it('keeps `wp:<id>` for a photo whose media id it does not know, and for a featured image likewise', () => {
    const content = '<!-- wp:image {"id":97} -->\n<figure class="wp-block-image"><img src="https://cualo.gov.vn/wp-content/uploads/cang.jpg" alt="Tàu cá cập cảng" class="wp-image-97" /><figcaption class="wp-element-caption">Cảng cá Cửa Hội</figcaption></figure>\n<!-- /wp:image -->';
    const back = postToArticle(portalPost({ title: 'Cảng cá', content, excerpt: '' }, 97), fromPostOptions(richArticle()));
    expect(figuresOf(back)).toEqual([expect.objectContaining({ assetId: 'wp:97', caption: 'Cảng cá Cửa Hội', alt: 'Tàu cá cập cảng' })]);
    expect(back.featuredAssetId).toBe('wp:97');
    expect(postToArticle(portalPost({ title: '', content, excerpt: '' }, 0), fromPostOptions(richArticle())).featuredAssetId).toBeNull();
  });

  it('reads a dateline and byline a web editor restyled: bolded, centred, another class, moved', () => {
    const content = [
      '<!-- wp:paragraph -->\n<p>Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:paragraph {"className":"nd-dateline is-style-dam"} -->\n<p class="nd-dateline is-style-dam"><strong>CỬA LÒ</strong></p>\n<!-- /wp:paragraph -->',
      '<!-- wp:paragraph {"align":"center","className":"nd-byline"} -->\n<p class="nd-byline has-text-align-center"><em>Hồ Thị Lan</em> &amp; Lê Văn Nam</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:paragraph -->\n<p>Hội nghị kết thúc lúc 11 giờ.</p>\n<!-- /wp:paragraph -->',
    ].join('\n\n');
    const back = postToArticle(portalPost({ title: '', content, excerpt: '' }), fromPostOptions(richArticle()));
    expect(back.dateline).toBe('CỬA LÒ');
    expect(back.byline).toBe('Hồ Thị Lan & Lê Văn Nam');
    expect(back.body.root.children.map(blockKey)).toEqual(['<p>Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị.</p>', '<p>Hội nghị kết thúc lúc 11 giờ.</p>']);
  });

  it('reads a classic post: paragraphs by blank lines, a [caption] photo known by its wp-image class, a dateline paragraph', () => {
    const content = [
      '<p class="nd-dateline">Cửa Lò</p>',
      'Sáng 30/4, hàng nghìn du khách đổ về bãi biển Cửa Lò.',
      '[caption id="attachment_42" align="aligncenter" width="800"]<img class="size-full wp-image-42" src="https://cualo.gov.vn/wp-content/uploads/bai-bien.jpg" alt="Bãi biển Cửa Lò đông người" width="800" height="533" /> Du khách tắm biển Cửa Lò sáng 30/4[/caption]',
      'Ông Nguyễn Văn Hùng nói: “Năm nay đông hơn hẳn.”',
    ].join('\n\n');
    const back = postToArticle(portalPost({ title: 'Cửa Lò đón khách dịp lễ', content, excerpt: 'Bãi biển đông &amp; vui.' }), fromPostOptions(richArticle()));
    expect(back.dateline).toBe('Cửa Lò');
    expect(back.lead).toBe('Bãi biển đông & vui.');
    expect(back.body.root.children).toEqual([
      paragraphNode([textNode('Sáng 30/4, hàng nghìn du khách đổ về bãi biển Cửa Lò.')]),
      expect.objectContaining({ type: 'figure', assetId: PHOTO_BAI_BIEN.assetId, caption: 'Du khách tắm biển Cửa Lò sáng 30/4', alt: 'Bãi biển Cửa Lò đông người' }),
      paragraphNode([textNode('Ông Nguyễn Văn Hùng nói: “Năm nay đông hơn hẳn.”')]),
    ]);
  });

  it('decodes the HTML WordPress keeps titles and excerpts in, and normalises to NFC', () => {
    const post = portalPost({ title: 'Văn hóa &amp; Thể thao &lt;15 tuổi'.normalize('NFD'), content: '', excerpt: '&#8220;Nhí&#8221; &amp; vui' });
    const back = postToArticle(post, fromPostOptions(richArticle()));
    expect(back.title).toBe('Văn hóa & Thể thao <15 tuổi');
    expect(back.title).toBe(back.title.normalize('NFC'));
    expect(back.lead).toBe('“Nhí” & vui');
  });

  it('round-trips an article with no dateline, no byline and a one-paragraph body', () => {
    const article = { ...withBlocks(richArticle(), P1), dateline: '', byline: '', featuredAssetId: null };
    const back = postToArticle(portalPost(articleToPost(article, toPostOptions)), fromPostOptions(article));
    expect(back).toEqual(article);
  });
});
