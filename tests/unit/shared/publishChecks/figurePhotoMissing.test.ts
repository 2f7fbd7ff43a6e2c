import { describe, expect, it } from 'vitest';
import { figurePhotoMissing } from '../../../../src/shared/publishChecks/figurePhotoMissing';
import { article, bodyWith, figure, paragraph, run } from './article';

describe('figurePhotoMissing', () => {
  it('blocks, and is about a figure', () => expect(figurePhotoMissing).toMatchObject({ id: 'FIGURE_PHOTO_MISSING', severity: 'blocking', field: 'figure' }));
  it('finds an imported slot with no photo; a portal photo (src only) and a local one pass', () => {
    const slot = { ...figure('Lãnh đạo huyện tham quan gian hàng', 'Gian hàng', ''), sourceName: 'img_4426' };
    const fromPortal = { ...figure('Tàu cá cập cảng Cửa Hội sáng nay', 'Tàu cá', ''), src: 'https://portal.example/anh.jpg' };
    const body = bodyWith(paragraph('Chữ'), figure('Du khách tắm biển Cửa Lò sáng nay', 'Bãi biển'), slot, fromPortal);
    expect(run(figurePhotoMissing, article({ body }))).toEqual([{ figure: 2, assetId: '', part: 'photo' }]);
    expect(run(figurePhotoMissing, article())).toEqual([]);
  });
});
