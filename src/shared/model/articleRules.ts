import { plainTextOf } from '../content/plainTextOf';
import type { ArticleEditable } from './Article';

/**
 * What an article needs before it may be submitted for review. Pure and shared: the editor shows
 * the list as a checklist while the writer works, and the lifecycle service enforces the same
 * list on submit, so the two can never disagree.
 */
export const ARTICLE_LIMITS = {
  /** Portal headlines beyond this are cut in the list views and on social cards. */
  titleMax: 150,
  /** The sapo is one or two sentences; longer leads get truncated on the portal's front page. */
  leadMax: 600,
  bylineMax: 120,
  captionMax: 600,
  /** Screen readers read alt text in one go; long alt text belongs in the caption. */
  altMax: 250,
} as const;

export const ARTICLE_ISSUE_CODES = [
  'TITLE_MISSING',
  'TITLE_TOO_LONG',
  'LEAD_MISSING',
  'LEAD_TOO_LONG',
  'BODY_EMPTY',
  'BYLINE_MISSING',
  'BYLINE_TOO_LONG',
  'FIGURE_PHOTO_MISSING',
  'FIGURE_CAPTION_MISSING',
  'FIGURE_CAPTION_FILENAME',
  'FIGURE_CAPTION_TOO_LONG',
  'FIGURE_ALT_MISSING',
  'FIGURE_ALT_TOO_LONG',
] as const;
export type ArticleIssueCode = (typeof ARTICLE_ISSUE_CODES)[number];

export interface ArticleIssue {
  code: ArticleIssueCode;
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
  const found: FigureFacts[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'figure') {
      found.push({
        assetId: stringOr(record.assetId),
        src: stringOr(record.src),
        caption: stringOr(record.caption),
        alt: stringOr(record.alt),
        credit: stringOr(record.credit),
      });
      return;
    }
    if (Array.isArray(record.children)) record.children.forEach(visit);
  };
  body.root.children.forEach(visit);
  return found;
}

/**
 * True when a caption is a camera's or phone's file name rather than words: "IMG_4426",
 * "DSC01234", "tttt1", "20240501_083012", "anh.jpg". Photographers' tools fill the caption with
 * it; it must not reach readers as if it were a caption.
 */
export function isCameraFileName(caption: string): boolean {
  const text = caption.trim();
  if (text === '') return false;
  if (/^[^\n]{1,120}\.(?:jpe?g|png|heic|heif|webp|gif|tiff?|cr2|cr3|nef|arw|dng|raf|orf)$/i.test(text)) return true;
  // A short Latin prefix, digits, optional separators and extension, no spaces between words.
  return /^[a-z_]{0,6}[-_ ]?\d+(?:[-_]\d+)*(?:\.[a-z0-9]{2,4})?$/i.test(text);
}

export function checkArticle(article: CheckableArticle): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const title = article.title.trim();
  if (title === '') issues.push({ code: 'TITLE_MISSING', field: 'title' });
  else if (title.length > ARTICLE_LIMITS.titleMax)
    issues.push({ code: 'TITLE_TOO_LONG', field: 'title', limit: ARTICLE_LIMITS.titleMax });

  const lead = article.lead.trim();
  if (lead === '') issues.push({ code: 'LEAD_MISSING', field: 'lead' });
  else if (lead.length > ARTICLE_LIMITS.leadMax)
    issues.push({ code: 'LEAD_TOO_LONG', field: 'lead', limit: ARTICLE_LIMITS.leadMax });

  if (plainTextOf(article.body).trim() === '') issues.push({ code: 'BODY_EMPTY', field: 'body' });

  const byline = article.byline.trim();
  if (byline === '') issues.push({ code: 'BYLINE_MISSING', field: 'byline' });
  else if (byline.length > ARTICLE_LIMITS.bylineMax)
    issues.push({ code: 'BYLINE_TOO_LONG', field: 'byline', limit: ARTICLE_LIMITS.bylineMax });

  figuresOf(article.body).forEach((figure, index) => {
    const where = { field: 'figure' as const, figure: index + 1, assetId: figure.assetId };
    // An imported slot (`tttt1`, `img_4426`) holds no photo until one is chosen for it.
    if (figure.assetId === '' && figure.src === '') issues.push({ code: 'FIGURE_PHOTO_MISSING', ...where });
    const caption = figure.caption.trim();
    if (caption === '') issues.push({ code: 'FIGURE_CAPTION_MISSING', ...where });
    else if (isCameraFileName(caption)) issues.push({ code: 'FIGURE_CAPTION_FILENAME', ...where });
    else if (caption.length > ARTICLE_LIMITS.captionMax)
      issues.push({ code: 'FIGURE_CAPTION_TOO_LONG', ...where, limit: ARTICLE_LIMITS.captionMax });
    const alt = figure.alt.trim();
    if (alt === '') issues.push({ code: 'FIGURE_ALT_MISSING', ...where });
    else if (alt.length > ARTICLE_LIMITS.altMax)
      issues.push({ code: 'FIGURE_ALT_TOO_LONG', ...where, limit: ARTICLE_LIMITS.altMax });
  });
  return issues;
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
