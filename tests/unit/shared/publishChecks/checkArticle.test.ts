import { describe, expect, it } from 'vitest';
import { CAPTION_RULES } from '../../../../src/shared/captionLint/rules';
import { emptyBody } from '../../../../src/shared/model/Article';
import type { CheckOverride } from '../../../../src/shared/model/CheckOverride';
import { blockingIssues } from '../../../../src/shared/publishChecks/blockingIssues';
import { checkArticle, overrideTargetOf } from '../../../../src/shared/publishChecks/checkArticle';
import { figuresOf } from '../../../../src/shared/publishChecks/figuresOf';
import { ARTICLE_ISSUE_CODES, PUBLISH_LIMITS, type ArticleIssueCode } from '../../../../src/shared/publishChecks/PublishRule';
import { PUBLISH_RULES } from '../../../../src/shared/publishChecks/rules';
import { article, bodyWith, figure, link, paragraph } from './article';

const complete = article();
const codes = (checked: Parameters<typeof checkArticle>[0]) => checkArticle(checked).map((issue) => issue.code);
const override = (rule: string, target = '', reason = 'Bài thông báo, không có ảnh'): CheckOverride => ({
  rule,
  target,
  reason,
  by: 'Lê Biên Tập',
  at: '2026-03-01T08:00:00.000Z',
});

describe('PUBLISH_RULES', () => {
  it('has one rule per issue code, in the order of the codes, each with its own message', () => {
    expect(PUBLISH_RULES.map((rule) => rule.id).sort()).toEqual([...ARTICLE_ISSUE_CODES].sort());
    for (const rule of PUBLISH_RULES) expect(rule.message).toBe(`rules.${rule.id}`);
  });
  it('names in `unless` only rules above it', () => {
    PUBLISH_RULES.forEach((rule, index) => {
      const above = PUBLISH_RULES.slice(0, index).map((earlier) => earlier.id);
      for (const code of rule.unless ?? []) expect(above).toContain(code);
    });
  });
  it('lifts every caption lint rule, keeping its severity', () => {
    for (const caption of CAPTION_RULES) {
      expect(PUBLISH_RULES.find((rule) => rule.id === `FIGURE_${caption.code}`)?.severity).toBe(caption.severity);
    }
  });
});

describe('checkArticle', () => {
  it('finds nothing wrong with a complete article', () => expect(checkArticle(complete)).toEqual([]));

  it('reports every missing required field of an empty article, and a missing category and featured photo as warnings', () => {
    const issues = checkArticle({ title: ' ', lead: '', body: emptyBody(), byline: '', category: '', featuredAssetId: null });
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual<[ArticleIssueCode, string][]>([
      ['TITLE_MISSING', 'blocking'],
      ['LEAD_MISSING', 'blocking'],
      ['BODY_EMPTY', 'blocking'],
      ['BYLINE_MISSING', 'blocking'],
      ['CATEGORY_MISSING', 'warning'],
      ['FEATURED_MISSING', 'warning'],
    ]);
  });

  it('reports lengths beyond the limits, with the limit; the title’s is 120', () => {
    const issues = checkArticle({ ...complete, title: 'a'.repeat(PUBLISH_LIMITS.titleMax + 1), lead: 'b'.repeat(PUBLISH_LIMITS.leadMax + 1) });
    expect(issues).toEqual([
      { code: 'TITLE_TOO_LONG', severity: 'blocking', field: 'title', message: 'rules.TITLE_TOO_LONG', limit: 120 },
      { code: 'LEAD_TOO_LONG', severity: 'blocking', field: 'lead', message: 'rules.LEAD_TOO_LONG', limit: PUBLISH_LIMITS.leadMax },
    ]);
    expect(codes({ ...complete, title: 'a'.repeat(120) })).toEqual([]);
    expect(codes({ ...complete, title: 'a'.repeat(150) })).toEqual(['TITLE_TOO_LONG']);
  });

  it('needs a caption and alt text on every figure, numbered in reading order', () => {
    const body = bodyWith(
      paragraph('Chữ'),
      figure('Người dân Cửa Lò đón khách du lịch', 'Bãi biển', 'a1'),
      { type: 'list', children: [{ type: 'listitem', children: [figure('', 'Bãi biển', 'nested')] }] },
      figure('Tàu cá cập cảng Cửa Hội sáng nay', '', 'noalt'),
    );
    expect(checkArticle({ ...complete, body })).toEqual([
      { code: 'FIGURE_CAPTION_MISSING', severity: 'blocking', field: 'figure', message: 'rules.FIGURE_CAPTION_MISSING', figure: 2, assetId: 'nested', part: 'caption' },
      { code: 'FIGURE_ALT_MISSING', severity: 'blocking', field: 'figure', message: 'rules.FIGURE_ALT_MISSING', figure: 3, assetId: 'noalt', part: 'alt' },
    ]);
  });

  it('lists a figure’s issues together, figure by figure, after the article’s own', () => {
    const long = 'Người dân phường Nghi Thu nhận hỗ trợ '.repeat(20);
    const body = bodyWith(
      paragraph('Chữ'),
      link('javascript:alert(1)'),
      { ...figure('Quang cảnh hội nghị', 'Quang cảnh hội nghị', 'short'), credit: '' },
      paragraph('Đoạn giữa hai ảnh, kể lại diễn biến buổi sáng.'),
      figure(long, 'Người dân xếp hàng', 'long'),
      { ...figure('', '', ''), sourceName: 'tttt1' },
    );
    expect(checkArticle({ ...complete, body, featuredAssetId: null }).map((issue) => [issue.code, issue.figure ?? 0])).toEqual([
      ['LINK_MALFORMED', 0],
      ['FEATURED_MISSING', 0],
      ['FIGURE_CAPTION_TOO_SHORT', 1],
      ['FIGURE_CAPTION_EQUALS_ALT', 1],
      ['FIGURE_CREDIT_MISSING', 1],
      ['FIGURE_CAPTION_TOO_LONG', 2],
      ['FIGURE_PHOTO_MISSING', 3],
      ['FIGURE_CAPTION_MISSING', 3],
      ['FIGURE_ALT_MISSING', 3],
    ]);
  });

  it('skips a rule whose `unless` was found: no slug warning for a missing title', () => {
    expect(codes({ ...complete, title: '' })).toEqual(['TITLE_MISSING']);
    expect(codes({ ...complete, title: '🎉' })).toEqual(['SLUG_EMPTY']);
  });

  it('lets warnings through a submit: only blocking issues stop it', () => {
    const body = bodyWith(paragraph('Chữ'), { ...figure('Quang cảnh hội nghị', 'Hội trường', 'a1'), credit: '' }, figure('IMG_4426', 'Bãi biển', 'a2'));
    const issues = checkArticle({ ...complete, body });
    expect(issues.map((issue) => issue.code)).toEqual(['FIGURE_CAPTION_TOO_SHORT', 'FIGURE_CREDIT_MISSING', 'FIGURE_CAPTION_FILENAME']);
    expect(blockingIssues(issues).map((issue) => issue.code)).toEqual(['FIGURE_CAPTION_FILENAME']);
  });

  it('marks the warnings an editor let stand with the override, matching rule and target', () => {
    const body = bodyWith(paragraph('Chữ'), { ...figure('Du khách tắm biển Cửa Lò sáng nay', 'Bãi biển', 'a1'), credit: '' }, { ...figure('Tàu cá cập cảng Cửa Hội sáng nay', 'Tàu', 'a2'), credit: '' });
    const issues = checkArticle({ ...complete, body, featuredAssetId: null }, [
      override('FEATURED_MISSING'),
      override('FIGURE_CREDIT_MISSING', 'a2', 'Ảnh tư liệu của UBND phường'),
    ]);
    expect(issues.map((issue) => [issue.code, overrideTargetOf(issue), issue.override?.reason ?? null])).toEqual([
      ['FEATURED_MISSING', '', 'Bài thông báo, không có ảnh'],
      ['FIGURE_CREDIT_MISSING', 'a1', null],
      ['FIGURE_CREDIT_MISSING', 'a2', 'Ảnh tư liệu của UBND phường'],
    ]);
    expect(issues[0]!.override).toEqual({ reason: 'Bài thông báo, không có ảnh', by: 'Lê Biên Tập', at: '2026-03-01T08:00:00.000Z' });
  });

  it('never honours a stored override of a blocking check', () => {
    const [issue] = checkArticle({ ...complete, lead: '' }, [override('LEAD_MISSING')]);
    expect(issue).toMatchObject({ code: 'LEAD_MISSING', severity: 'blocking' });
    expect(issue!.override).toBeUndefined();
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
