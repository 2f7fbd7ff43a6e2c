// A small-town portal article in Vietnamese, in the shape the editor saves it, for the sync tests.
import {
  documentOf,
  figureNode,
  headingNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
  type SerializedBlock,
  type SerializedFigure,
  type SerializedParagraph,
} from '../../../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../../../src/shared/model/Article';
import type { ArticleContent } from '../../../../../src/shared/model/ArticleContent';

export const para = (text: string): SerializedParagraph => paragraphNode([textNode(text)]);

export const PHOTO_HOI_NGHI = figureNode({
  assetId: 'as-hoinghi-0001',
  caption: 'Điểm cầu tại Sở Thông tin và Truyền thông',
  alt: 'Đại biểu dự hội nghị tại hội trường',
  credit: 'Ảnh: Trần Thị Mai',
  sourceName: 'IMG_4426',
});
export const PHOTO_BAI_BIEN = figureNode({
  assetId: 'as-baibien-0002',
  caption: 'Du khách tắm biển Cửa Lò sáng 30/4',
  alt: 'Bãi biển Cửa Lò đông người',
  credit: 'Ảnh: Lê Văn Nam',
  sourceName: 'DSC_0012',
});
export const PHOTO_CANG = figureNode({
  assetId: 'as-cang-0003',
  caption: 'Cảng cá Cửa Hội nhộn nhịp sau mùa mưa bão',
  alt: 'Tàu cá cập cảng',
  credit: 'Ảnh: Hồ Thị Lan',
});

export const P1 = para('Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị giao ban quý III năm 2026.');
export const P2 = para('Chủ tịch UBND thị xã Nguyễn Văn Hùng chủ trì hội nghị, với sự tham dự của lãnh đạo các phường.');
export const P3 = para('Trong quý III, thị xã đón hơn 1,2 triệu lượt khách, doanh thu du lịch đạt 2.150 tỷ đồng.');
export const P4 = para('Các phường Nghi Thủy, Nghi Tân và Thu Thủy hoàn thành sớm kế hoạch thu ngân sách.');
export const P5 = para('Hội nghị thống nhất nhiệm vụ trọng tâm quý IV: chỉnh trang đô thị, chuẩn bị mùa du lịch 2027.');

export function body(...children: SerializedBlock[]): LexicalState {
  return documentOf(children) as unknown as LexicalState;
}

export function baseArticle(): ArticleContent {
  return {
    title: 'Cửa Lò tổ chức hội nghị giao ban quý III',
    lead: 'Thị xã Cửa Lò (Nghệ An) đánh giá kết quả quý III và bàn nhiệm vụ trọng tâm quý IV.',
    body: body(P1, P2, PHOTO_HOI_NGHI, P3, P4, P5),
    byline: 'Nguyễn Văn Hùng',
    dateline: 'Cửa Lò',
    category: 'Thời sự',
    tags: ['Cửa Lò', 'giao ban', 'kinh tế'],
    featuredAssetId: PHOTO_HOI_NGHI.assetId,
  };
}

/** The article with its body's blocks replaced (the other fields as they are). */
export function withBlocks(content: ArticleContent, ...children: SerializedBlock[]): ArticleContent {
  return { ...content, body: body(...children) };
}

/** A richer body: every block type the portal keeps, for the round trips. */
export function richArticle(): ArticleContent {
  return {
    ...baseArticle(),
    title: 'Sở Văn hóa & Thể thao: giải bóng đá thiếu niên <15 tuổi khai mạc',
    lead: 'Giải quy tụ 16 đội “nhí” của các phường, xã; bà con đến cổ vũ đông & vui.',
    body: body(
      P1,
      headingNode('h2', [textNode('Đường ven biển Bình Minh thông xe')]),
      paragraphNode([
        textNode('Theo '),
        linkNode('https://nghean.gov.vn/tin?id=1&x=2', [textNode('Cổng TTĐT'), textNode(' tỉnh', 1)]),
        textNode(', tuyến đường dài 5,2 km; '),
        textNode('bà con rất phấn khởi', 2),
        textNode('.'),
      ]),
      PHOTO_HOI_NGHI,
      quoteNode([textNode('Năm nay đông khách hơn hẳn mọi năm.')]),
      listNode('bullet', [[textNode('Phường Nghi Thủy')], [textNode('Phường Thu Thủy', 1)]]),
      PHOTO_BAI_BIEN,
      P5,
    ),
  };
}

export function figuresOf(content: ArticleContent): SerializedFigure[] {
  return (content.body.root.children as SerializedBlock[]).filter((block): block is SerializedFigure => block.type === 'figure');
}
