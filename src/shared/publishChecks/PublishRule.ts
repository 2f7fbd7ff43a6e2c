import { CAPTION_ISSUE_CODES, CAPTION_LIMITS, type CaptionIssue, type CaptionSeverity } from '../captionLint/CaptionRule';
import type { ArticleEditable } from '../model/Article';
import type { FigureFacts } from './figuresOf';

/**
 * The shape of one publish check, and of what it finds. As in the caption lint
 * (src/shared/captionLint/CaptionRule.ts), each check is a small declarative object in a file of
 * its own: an id, a severity, the field it is about, its message and a pure check. The editor's
 * checklist, the lifecycle service's refusal of a submit and the queue's list of what is missing
 * all run the same list (rules.ts) through checkArticle, so they can never disagree.
 */

/** A figure's caption issues are the caption lint's, under the article's name for them. */
export type FigureLintCode = `FIGURE_${(typeof CAPTION_ISSUE_CODES)[number]}`;
const FIGURE_LINT_CODES = CAPTION_ISSUE_CODES.map((code): FigureLintCode => `FIGURE_${code}`);

export const ARTICLE_ISSUE_CODES = [
  'TITLE_MISSING',
  'TITLE_TOO_LONG',
  'LEAD_MISSING',
  'LEAD_TOO_LONG',
  'BODY_EMPTY',
  'BYLINE_MISSING',
  'BYLINE_TOO_LONG',
  'CATEGORY_MISSING',
  'FEATURED_MISSING',
  'LINK_MALFORMED',
  'SLUG_EMPTY',
  'SLUG_MALFORMED',
  'FIGURE_PHOTO_MISSING',
  // FIGURE_CAPTION_MISSING, FIGURE_CAPTION_FILENAME, FIGURE_ALT_MISSING, … (captionLint/rules.ts).
  ...FIGURE_LINT_CODES,
] as const;
export type ArticleIssueCode = (typeof ARTICLE_ISSUE_CODES)[number];

/** blocking: no submit while it stands, and no override; warning: shown, and an editor may override it. */
export type PublishSeverity = CaptionSeverity;

/** The form field an issue is about: where the checklist's jump takes the writer. */
export type PublishField = 'title' | 'lead' | 'body' | 'byline' | 'category' | 'featured' | 'slug' | 'figure';

/** Within a figure: the input the jump focuses. */
export type FigurePart = 'photo' | 'caption' | 'alt' | 'credit';

export const PUBLISH_LIMITS = {
  /** Portal headlines beyond this are cut in the list views and on social cards (issue #15). */
  titleMax: 120,
  /** The sapo is one or two sentences; longer leads get truncated on the portal's front page. */
  leadMax: 600,
  bylineMax: 120,
  captionMax: CAPTION_LIMITS.captionMax,
  altMax: CAPTION_LIMITS.altMax,
  /** WordPress keeps a post's slug (post_name) in a varchar(200) column, counted in bytes. */
  slugMaxBytes: 200,
} as const;

/** What the checks read of an article: a stored Article and the editor's live fields both have these. */
export type CheckableArticle = Pick<ArticleEditable, 'title' | 'lead' | 'body' | 'byline' | 'category' | 'featuredAssetId'> & {
  /** The slug the writer set; empty or absent: the one folded from the title. */
  slug?: string | undefined;
};

/** A figure of the body as the rules see it: its fields, its place, and the caption lint's findings. */
export interface FigureInBody {
  /** 1-based, in reading order: the number the checklist and the featured-photo list show. */
  number: number;
  facts: FigureFacts;
  lint: readonly CaptionIssue[];
}

/** A link node of the body, in reading order. */
export interface LinkInBody {
  /** 1-based, in reading order. */
  number: number;
  url: string;
  text: string;
}

/** What several rules need, worked out once per check by checkArticle. */
export interface ArticleFacts {
  figures: readonly FigureInBody[];
  links: readonly LinkInBody[];
  /** The slug the push sends (slugOf the writer's slug, or of the title). */
  slug: string;
}

/** Where, and the facts behind, one finding of a rule. Plain values only: issues cross the IPC. */
export interface PublishFinding {
  figure?: number;
  assetId?: string;
  part?: FigurePart;
  link?: number;
  url?: string;
  /** A length limit that was passed. */
  limit?: number;
  /** For slug issues: the slug that will be sent. */
  slug?: string;
}

export interface PublishRule {
  id: ArticleIssueCode;
  severity: PublishSeverity;
  field: PublishField;
  /** Its words in the renderer's catalogue (src/renderer/app/messages.ts), vi and en. */
  message: `rules.${ArticleIssueCode}`;
  /** Not checked once one of these was found by a rule earlier in the list. */
  unless?: readonly ArticleIssueCode[];
  /**
   * Pure. true or one finding: one issue; a list: one issue per finding (per figure, per link);
   * false or an empty list: the article passes.
   */
  check(article: CheckableArticle, facts: ArticleFacts): boolean | PublishFinding | readonly PublishFinding[];
}

/** An editor's decision to let a warning stand, as stored on the article. */
export interface IssueOverride {
  reason: string;
  by: string;
  at: string;
}

export interface ArticleIssue extends PublishFinding {
  code: ArticleIssueCode;
  /** Only blocking issues stop a submit; warnings are shown in the checklist and on the figure. */
  severity: PublishSeverity;
  field: PublishField;
  message: `rules.${ArticleIssueCode}`;
  /** A warning an editor let stand, with their reason. */
  override?: IssueOverride;
}
