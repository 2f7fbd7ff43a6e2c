import sharp from 'sharp';
import { documentOf, figureNode, paragraphNode, textNode, type SerializedBlock } from '../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../src/shared/model/Article';
import type { Services } from '../../../src/main/services/createServices';

/** A small JPEG whose bytes differ with `seed` (distinct assets, distinct uploads). */
export async function photoBytes(seed: number, width = 320, height = 200): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Imports a photo into a client's media store and returns its figure block. */
export async function photoFigure(services: Services, seed: number, caption: string, credit = 'Ảnh: Lê Minh'): Promise<SerializedBlock> {
  const asset = await services.media.import({ name: `IMG_${4400 + seed}.jpg`, bytes: await photoBytes(seed) });
  return figureNode({ assetId: asset.assetId, caption, alt: `Ảnh minh hoạ: ${caption}`, credit, sourceName: `IMG_${4400 + seed}` });
}

export function paragraphs(...texts: string[]): SerializedBlock[] {
  return texts.map((text) => paragraphNode([textNode(text)]));
}

export function bodyOf(blocks: SerializedBlock[]): LexicalState {
  return documentOf(blocks) as unknown as LexicalState;
}

/** The text of an article's top-level blocks, paragraph by paragraph (figures as their caption). */
export function blockTexts(body: LexicalState): string[] {
  return body.root.children.map((block) => {
    const node = block as { type?: string; caption?: string; children?: { text?: string }[] };
    if (node.type === 'figure') return `[ảnh] ${node.caption ?? ''}`;
    return (node.children ?? []).map((child) => child.text ?? '').join('');
  });
}

export const STORY = {
  title: 'Cửa Lò tổ chức hội nghị giao ban công tác thông tin quý III',
  lead: 'Sáng 28/9, UBND thị xã Cửa Lò tổ chức hội nghị giao ban trực tuyến với các phường, xã.',
  byline: 'Nguyễn Văn Hùng',
  dateline: 'Cửa Lò, 28/9/2026',
  category: 'Thời sự',
  tags: ['Cửa Lò', 'giao ban'],
  paragraphs: [
    'Tham dự hội nghị có lãnh đạo Phòng Văn hoá – Thông tin và đại diện các phường Nghi Thủy, Nghi Tân.',
    'Trong quý III, các đơn vị đã đăng tải hơn 320 tin, bài về hoạt động của địa phương.',
    'Đồng chí Trưởng phòng đề nghị các phường cập nhật thông tin kịp thời, chính xác.',
  ],
};
