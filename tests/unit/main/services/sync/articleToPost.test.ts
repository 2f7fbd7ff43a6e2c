import { describe, expect, it } from 'vitest';
import { articleToPost } from '../../../../../src/main/services/sync/articleToPost';
import { syncKeyOf } from '../../../../../src/shared/content/syncMarker';
import { P1, P5, PHOTO_BAI_BIEN, PHOTO_HOI_NGHI, baseArticle, richArticle, withBlocks } from './articleFixtures';

const KEY = '0123456789abcdef0123456789abcdef';
const MEDIA: Record<string, { id: number; src: string }> = {
  [PHOTO_HOI_NGHI.assetId]: { id: 41, src: 'https://cualo.gov.vn/wp-content/uploads/2026/10/hoi-nghi.jpg' },
  [PHOTO_BAI_BIEN.assetId]: { id: 42, src: 'https://cualo.gov.vn/wp-content/uploads/2026/10/bai-bien.jpg' },
};
const options = { key: KEY, mediaIdOf: (assetId: string) => MEDIA[assetId]?.id, srcOf: (assetId: string) => MEDIA[assetId]?.src };

describe('articleToPost', () => {
  it('puts the sync marker first, the dateline as the first block and the byline as the last, right-aligned', () => {
    const { content } = articleToPost(withBlocks(baseArticle(), P1, P5), options);
    expect(syncKeyOf(content)).toBe(KEY);
    expect(content).toBe(
      [
        `<!-- newsdesk:sync ${KEY} -->`,
        '<!-- wp:paragraph {"className":"nd-dateline"} -->\n<p class="nd-dateline">Cửa Lò</p>\n<!-- /wp:paragraph -->',
        '',
        '<!-- wp:paragraph -->\n<p>Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị giao ban quý III năm 2026.</p>\n<!-- /wp:paragraph -->',
        '',
        '<!-- wp:paragraph -->\n<p>Hội nghị thống nhất nhiệm vụ trọng tâm quý IV: chỉnh trang đô thị, chuẩn bị mùa du lịch 2027.</p>\n<!-- /wp:paragraph -->',
        '',
        '<!-- wp:paragraph {"align":"right","className":"nd-byline"} -->\n<p class="has-text-align-right nd-byline">Nguyễn Văn Hùng</p>\n<!-- /wp:paragraph -->',
      ].join('\n'),
    );
  });

  it('writes no dateline or byline block when the article has none', () => {
    const { content } = articleToPost({ ...withBlocks(baseArticle(), P1), dateline: '', byline: '' }, options);
    expect(content).not.toContain('nd-dateline');
    expect(content).not.toContain('nd-byline');
  });

  it('escapes markup in the dateline and byline text', () => {
    const { content } = articleToPost({ ...baseArticle(), dateline: 'Cửa Lò <Nghệ An>', byline: 'Hồ Thị Lan & Lê Văn Nam' }, options);
    expect(content).toContain('<p class="nd-dateline">Cửa Lò &lt;Nghệ An&gt;</p>');
    expect(content).toContain('<p class="has-text-align-right nd-byline">Hồ Thị Lan &amp; Lê Văn Nam</p>');
  });

  it('gives each uploaded photo its media id and portal address', () => {
    const { content } = articleToPost(richArticle(), options);
    expect(content).toContain('<!-- wp:image {"id":41,"ndAsset":"as-hoinghi-0001","ndSource":"IMG_4426"} -->');
    expect(content).toContain(`<img src="${MEDIA[PHOTO_HOI_NGHI.assetId]!.src}" alt="Đại biểu dự hội nghị tại hội trường" class="wp-image-41"/>`);
    expect(content).toContain('class="wp-image-42"');
  });

  it('sends the lead as the excerpt, and title and excerpt with &, < and > escaped (WordPress holds them as HTML)', () => {
    const fields = articleToPost(richArticle(), options);
    expect(fields.title).toBe('Sở Văn hóa &amp; Thể thao: giải bóng đá thiếu niên &lt;15 tuổi khai mạc');
    expect(fields.excerpt).toBe('Giải quy tụ 16 đội “nhí” của các phường, xã; bà con đến cổ vũ đông &amp; vui.');
  });
});
