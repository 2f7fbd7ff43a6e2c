import { CAPTION_ISSUE_CODES, CAPTION_LIMITS, type CaptionIssueCode, type CaptionSeverity } from '../captionLint/CaptionRule';
import { lintCaption } from '../captionLint/lintCaption';
import { plainTextOf } from '../content/plainTextOf';
import type { ArticleEditable } from './Article';

/**
 * What an article needs before it may be submitted for review, and what is worth a second look.
 * Pure and shared: the editor shows the list as a checklist while the writer works, and the
 * lifecycle service refuses a submit on the blocking issues of the same list, so the two can
 * never disagree. A figure's caption, alt text and credit are judged by the caption lint
 * (src/shared/captionLint), the same rules the photo desk and the figure itself show.
 */
export const ARTICLE_LIMITS = {
  /** Portal headlines beyond this are cut in the list views and on social cards. */
  titleMax: 150,
  /** The sapo is one or two sentences; longer leads get truncated on the portal's front page. */
  leadMax: 600,
  bylineMax: 120,
  captionMax: CAPTION_LIMITS.captionMax,
  altMax: CAPTION_LIMITS.altMax,
} as const;

/** A figure's caption issues are the caption lint's, under the article's name for them. */
export type FigureLintCode = `FIGURE_${CaptionIssueCode}`;
const FIGURE_LINT_CODES = CAPTION_ISSUE_CODES.map((code): FigureLintCode => `FIGURE_${code}`);

export const ARTICLE_ISSUE_CODES = [
  'TITLE_MISSING',
  'TITLE_TOO_LONG',
  'LEAD_MISSING',
  'LEAD_TOO_LONG',
  'BODY_EMPTY',
  'BYLINE_MISSING',
  'BYLINE_TOO_LONG',
  'FIGURE_PHOTO_MISSING',
  // FIGURE_CAPTION_MISSING, FIGURE_CAPTION_FILENAME, FIGURE_ALT_MISSING, … (captionLint/rules.ts).
  ...FIGURE_LINT_CODES,
] as const;
export type ArticleIssueCode = (typeof ARTICLE_ISSUE_CODES)[number];

export interface ArticleIssue {
  code: ArticleIssueCode;
  /** Only blocking issues stop a submit; warnings are shown in the checklist and on the figure. */
  severity: CaptionSeverity;
  field: 'title' | 'lead' | 'body' | 'byline' | 'figure';
  /** For figure issues: which figure (1-based, in reading order) and its asset. */
  figure?: number;
  assetId?: string;
  /** For length issues: the limit that was passed. */
  limit?: number;
}

export type CheckableArticle = Pick<ArticleEditable, 'title' | 'lead' | 'body' | 'byline'>;

/** The figures of a body in reading order, as the agreed `figure` JSON carries them. */
export interface FigureFacts {
  assetId: string;
  /** The portal's address of a photo that came from the portal and has no local asset. */
  src: string;
  caption: string;
  alt: string;
  credit: string;
}

export function figuresOf(body: ArticleEditable['body']): FigureFacts[] {
  return figuresBesideText(body).map(({ figure }) => figure);
}

/**
 * Each figure with the text of the blocks printed right before and after it (its siblings), which
 * the caption lint needs to see a caption repeated as a paragraph beside its photo.
 */
function figuresBesideText(body: ArticleEditable['body']): { figure: FigureFacts; beside: string[] }[] {
  const found: { figure: FigureFacts; beside: string[] }[] = [];
  const visit = (children: unknown[]): void => {
    children.forEach((node, index) => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'figure') {
        const figure = {
          assetId: stringOr(record.assetId),
          src: stringOr(record.src),
          caption: stringOr(record.caption),
          alt: stringOr(record.alt),
          credit: stringOr(record.credit),
        };
        const beside = [children[index - 1], children[index + 1]].map(textOfBlock).filter((text) => text !== '');
        found.push({ figure, beside });
        return;
      }
      if (Array.isArray(record.children)) visit(record.children);
    });
  };
  visit(body.root.children);
  return found;
}

function textOfBlock(node: unknown): string {
  if (node === null || typeof node !== 'object' || (node as { type?: unknown }).type === 'figure') return '';
  return plainTextOf({ root: { type: 'root', children: [node] } } as ArticleEditable['body']).trim();
}

/** The issues that stop a submit; the lifecycle service and the checklist's verdict use these. */
export function blockingIssues(issues: readonly ArticleIssue[]): ArticleIssue[] {
  return issues.filter((issue) => issue.severity === 'blocking');
}

export function checkArticle(article: CheckableArticle): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const title = article.title.trim();
  if (title === '') issues.push({ code: 'TITLE_MISSING', severity: 'blocking', field: 'title' });
  else if (title.length > ARTICLE_LIMITS.titleMax)
    issues.push({ code: 'TITLE_TOO_LONG', severity: 'blocking', field: 'title', limit: ARTICLE_LIMITS.titleMax });

  const lead = article.lead.trim();
  if (lead === '') issues.push({ code: 'LEAD_MISSING', severity: 'blocking', field: 'lead' });
  else if (lead.length > ARTICLE_LIMITS.leadMax)
    issues.push({ code: 'LEAD_TOO_LONG', severity: 'blocking', field: 'lead', limit: ARTICLE_LIMITS.leadMax });

  if (plainTextOf(article.body).trim() === '') issues.push({ code: 'BODY_EMPTY', severity: 'blocking', field: 'body' });

  const byline = article.byline.trim();
  if (byline === '') issues.push({ code: 'BYLINE_MISSING', severity: 'blocking', field: 'byline' });
  else if (byline.length > ARTICLE_LIMITS.bylineMax)
    issues.push({ code: 'BYLINE_TOO_LONG', severity: 'blocking', field: 'byline', limit: ARTICLE_LIMITS.bylineMax });

  figuresBesideText(article.body).forEach(({ figure, beside }, index) => {
    const where = { field: 'figure' as const, figure: index + 1, assetId: figure.assetId };
    // An imported slot (`tttt1`, `img_4426`) holds no photo until one is chosen for it.
    if (figure.assetId === '' && figure.src === '')
      issues.push({ code: 'FIGURE_PHOTO_MISSING', severity: 'blocking', ...where });
    for (const issue of lintCaption(figure, { beside })) {
      const limit = issue.details?.limit;
      issues.push({
        code: `FIGURE_${issue.code}`,
        severity: issue.severity,
        ...where,
        ...(typeof limit === 'number' ? { limit } : {}),
      });
    }
  });
  return issues;
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
