import { describe, expect, it } from 'vitest';
import { emptyBody, type LexicalState } from '../../../../src/shared/model/Article';
import {
  ARTICLE_ISSUE_CODES,
  ARTICLE_LIMITS,
  blockingIssues,
  checkArticle,
  figuresOf,
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
      { code: 'TITLE_TOO_LONG', severity: 'blocking', field: 'title', limit: ARTICLE_LIMITS.titleMax },
      { code: 'LEAD_TOO_LONG', severity: 'blocking', field: 'lead', limit: ARTICLE_LIMITS.leadMax },
    ]);
    expect(codes({ ...complete, title: 'a'.repeat(ARTICLE_LIMITS.titleMax) })).toEqual([]);
  });

  it('needs a caption and alt text on every figure, numbered in reading order', () => {
    const body = bodyWith(
      paragraph('Chữ'),
      figure('Người dân Cửa Lò đón khách du lịch', 'Bãi biển', 'ok'),
      { type: 'list', children: [{ type: 'listitem', children: [figure('', 'Bãi biển', 'nested')] }] },
      figure('Tàu cá cập cảng Cửa Hội sáng nay', '', 'noalt'),
    );
    expect(checkArticle({ ...complete, body })).toEqual([
      { code: 'FIGURE_CAPTION_MISSING', severity: 'blocking', field: 'figure', figure: 2, assetId: 'nested' },
      { code: 'FIGURE_ALT_MISSING', severity: 'blocking', field: 'figure', figure: 3, assetId: 'noalt' },
    ]);
  });

  it('an imported photo slot with no photo is flagged until one is put in; a portal photo (src only) is not', () => {
    const slot = { ...figure('Lãnh đạo huyện tham quan gian hàng', 'Gian hàng', ''), sourceName: 'img_4426' };
    const fromPortal = { ...figure('Tàu cá cập cảng Cửa Hội sáng nay', 'Tàu cá', ''), src: 'https://portal.example/anh.jpg' };
    expect(checkArticle({ ...complete, body: bodyWith(paragraph('Chữ'), slot, fromPortal) })).toEqual([
      { code: 'FIGURE_PHOTO_MISSING', severity: 'blocking', field: 'figure', figure: 1, assetId: '' },
    ]);
    expect(codes({ ...complete, body: bodyWith(paragraph('Chữ'), { ...slot, assetId: 'a9' }) })).toEqual([]);
  });

  it('counts a camera file name as no caption', () => {
    const body = bodyWith(paragraph('Chữ'), figure('IMG_4426', 'Bãi biển'));
    expect(codes({ ...complete, body })).toEqual(['FIGURE_CAPTION_FILENAME']);
  });

  it('a body holding only a figure is still empty of text', () => {
    expect(codes({ ...complete, body: bodyWith(figure('Tàu cá cập cảng Cửa Hội sáng nay', 'Tàu')) })).toEqual(['BODY_EMPTY']);
  });

  it('takes every figure issue from the caption lint, under FIGURE_ codes, with its severity and limit', () => {
    const long = 'Người dân phường Nghi Thu nhận hỗ trợ '.repeat(20);
    const body = bodyWith(
      paragraph('Chữ'),
      { ...figure('Quang cảnh hội nghị', 'Quang cảnh hội nghị', 'short'), credit: '' },
      paragraph('Đoạn giữa hai ảnh, kể lại diễn biến buổi sáng.'),
      figure(long, 'Người dân xếp hàng', 'long'),
      paragraph('Hết.'),
    );
    expect(checkArticle({ ...complete, body })).toEqual([
      { code: 'FIGURE_CAPTION_TOO_SHORT', severity: 'warning', field: 'figure', figure: 1, assetId: 'short', limit: 5 },
      { code: 'FIGURE_CAPTION_EQUALS_ALT', severity: 'warning', field: 'figure', figure: 1, assetId: 'short' },
      { code: 'FIGURE_CREDIT_MISSING', severity: 'warning', field: 'figure', figure: 1, assetId: 'short' },
      { code: 'FIGURE_CAPTION_TOO_LONG', severity: 'blocking', field: 'figure', figure: 2, assetId: 'long', limit: ARTICLE_LIMITS.captionMax },
    ]);
  });

  it('sees a caption printed again as the paragraph right before or after its photo, not further away', () => {
    const caption = 'Đồng chí Hồ Quang Thành phát biểu tại hội nghị';
    const repeatedAfter = bodyWith(paragraph('Chữ'), figure(caption, 'Người đứng sau bục'), paragraph(`${caption}.`));
    const repeatedBefore = bodyWith(paragraph(caption), figure(caption, 'Người đứng sau bục'), paragraph('Chữ'));
    const further = bodyWith(paragraph(caption), paragraph('Chữ'), figure(caption, 'Người đứng sau bục'), paragraph('Chữ'));
    expect(codes({ ...complete, body: repeatedAfter })).toEqual(['FIGURE_CAPTION_IN_BODY']);
    expect(codes({ ...complete, body: repeatedBefore })).toEqual(['FIGURE_CAPTION_IN_BODY']);
    expect(codes({ ...complete, body: further })).toEqual([]);
    // Two figures side by side are not each other's body text.
    expect(codes({ ...complete, body: bodyWith(paragraph('Chữ'), figure(caption, 'Bục'), figure(caption, 'Hội trường')) })).toEqual([]);
  });

  it('lets warnings through a submit: only blocking issues stop it', () => {
    const body = bodyWith(paragraph('Chữ'), { ...figure('Quang cảnh hội nghị', 'Hội trường', 'a1'), credit: '' }, figure('IMG_4426', 'Bãi biển', 'a2'));
    const issues = checkArticle({ ...complete, body });
    expect(issues.map((issue) => issue.code)).toEqual(['FIGURE_CAPTION_TOO_SHORT', 'FIGURE_CREDIT_MISSING', 'FIGURE_CAPTION_FILENAME']);
    expect(blockingIssues(issues).map((issue) => issue.code)).toEqual(['FIGURE_CAPTION_FILENAME']);
    expect(blockingIssues(checkArticle({ ...complete, body: bodyWith(paragraph('Chữ'), { ...figure('Quang cảnh hội nghị', 'Hội trường'), credit: '' }) }))).toEqual([]);
  });

  it('keeps the issue codes the lifecycle bar and the checklist already know', () => {
    for (const code of ['FIGURE_CAPTION_MISSING', 'FIGURE_CAPTION_FILENAME', 'FIGURE_CAPTION_TOO_LONG', 'FIGURE_ALT_MISSING', 'FIGURE_ALT_TOO_LONG', 'FIGURE_PHOTO_MISSING'])
      expect(ARTICLE_ISSUE_CODES).toContain(code);
  });
});

describe('figuresOf', () => {
  it('reads the agreed figure JSON and ignores other nodes', () => {
    expect(figuresOf(bodyWith(paragraph('x'), figure('C', 'A', 'id1'), { type: 'list', children: [{ type: 'listitem', children: [figure('D', 'B', 'id2')] }] }))).toEqual([
      { assetId: 'id1', src: '', caption: 'C', alt: 'A', credit: 'Thanh Bình' },
      { assetId: 'id2', src: '', caption: 'D', alt: 'B', credit: 'Thanh Bình' },
    ]);
  });
});
