import { describe, expect, it } from 'vitest';
import { emptyBody, type LexicalState } from '../../../../src/shared/model/Article';
import {
  ARTICLE_LIMITS,
  checkArticle,
  figuresOf,
  isCameraFileName,
  type ArticleIssueCode,
} from '../../../../src/shared/model/articleRules';

function bodyWith(...children: unknown[]): LexicalState {
  return { root: { type: 'root', children } };
}
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const figure = (caption: string, alt: string, assetId = 'a1') => ({
  type: 'figure',
  version: 1,
  assetId,
  caption,
  alt,
  credit: 'Thanh Bình',
});

const complete = {
  title: 'Cửa Lò đón khách',
  lead: 'Bãi biển Cửa Lò đón hàng nghìn lượt khách.',
  body: bodyWith(paragraph('Sáng nay, bãi biển đông khách.')),
  byline: 'Thanh Bình',
};
const codes = (article: typeof complete) => checkArticle(article).map((issue) => issue.code);

describe('checkArticle', () => {
  it('finds nothing wrong with a complete article', () => {
    expect(checkArticle(complete)).toEqual([]);
  });

  it('reports every missing required field of an empty article', () => {
    expect(codes({ title: ' ', lead: '', body: emptyBody(), byline: '' })).toEqual<ArticleIssueCode[]>([
      'TITLE_MISSING',
      'LEAD_MISSING',
      'BODY_EMPTY',
      'BYLINE_MISSING',
    ]);
  });

  it('reports lengths beyond the limits, with the limit', () => {
    const issues = checkArticle({
      ...complete,
      title: 'a'.repeat(ARTICLE_LIMITS.titleMax + 1),
      lead: 'b'.repeat(ARTICLE_LIMITS.leadMax + 1),
    });
    expect(issues).toEqual([
      { code: 'TITLE_TOO_LONG', field: 'title', limit: ARTICLE_LIMITS.titleMax },
      { code: 'LEAD_TOO_LONG', field: 'lead', limit: ARTICLE_LIMITS.leadMax },
    ]);
    expect(codes({ ...complete, title: 'a'.repeat(ARTICLE_LIMITS.titleMax) })).toEqual([]);
  });

  it('needs a caption and alt text on every figure, numbered in reading order', () => {
    const body = bodyWith(
      paragraph('Chữ'),
      figure('Người dân đón khách', 'Bãi biển', 'ok'),
      { type: 'list', children: [{ type: 'listitem', children: [figure('', 'Bãi biển', 'nested')] }] },
      figure('Tàu cá cập cảng', '', 'noalt'),
    );
    expect(checkArticle({ ...complete, body })).toEqual([
      { code: 'FIGURE_CAPTION_MISSING', field: 'figure', figure: 2, assetId: 'nested' },
      { code: 'FIGURE_ALT_MISSING', field: 'figure', figure: 3, assetId: 'noalt' },
    ]);
  });

  it('an imported photo slot with no photo is flagged until one is put in; a portal photo (src only) is not', () => {
    const slot = { ...figure('Lãnh đạo huyện tham quan gian hàng', 'Gian hàng', ''), sourceName: 'img_4426' };
    const fromPortal = { ...figure('Tàu cá cập cảng', 'Tàu cá', ''), src: 'https://portal.example/anh.jpg' };
    expect(checkArticle({ ...complete, body: bodyWith(paragraph('Chữ'), slot, fromPortal) })).toEqual([
      { code: 'FIGURE_PHOTO_MISSING', field: 'figure', figure: 1, assetId: '' },
    ]);
    expect(codes({ ...complete, body: bodyWith(paragraph('Chữ'), { ...slot, assetId: 'a9' }) })).toEqual([]);
  });

  it('counts a camera file name as no caption', () => {
    const body = bodyWith(paragraph('Chữ'), figure('IMG_4426', 'Bãi biển'));
    expect(codes({ ...complete, body })).toEqual(['FIGURE_CAPTION_FILENAME']);
  });

  it('a body holding only a figure is still empty of text', () => {
    expect(codes({ ...complete, body: bodyWith(figure('Tàu cá', 'Tàu')) })).toEqual(['BODY_EMPTY']);
  });
});

describe('isCameraFileName', () => {
  it.each(['tttt1', 'img_4426', 'IMG_4426.JPG', 'DSC01234', 'DSCN0042', 'PXL_20240501_083012', '20240501_083012', 'anh bien.jpg', 'P1010001'])(
    'flags %s',
    (caption) => expect(isCameraFileName(caption)).toBe(true),
  );
  it.each(['Cửa Lò', 'Người dân Nghệ An đón Tết', 'Đường 1A', 'Ảnh: Thanh Bình', ''])('keeps %s', (caption) =>
    expect(isCameraFileName(caption)).toBe(false),
  );
});

describe('figuresOf', () => {
  it('reads the agreed figure JSON and ignores other nodes', () => {
    expect(figuresOf(bodyWith(paragraph('x'), figure('C', 'A', 'id1')))).toEqual([
      { assetId: 'id1', src: '', caption: 'C', alt: 'A', credit: 'Thanh Bình' },
    ]);
  });
});
