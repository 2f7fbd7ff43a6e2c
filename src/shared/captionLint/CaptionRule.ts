/**
 * The shape of one caption lint rule, and of what it finds. Each rule is a small declarative
 * object in a file of its own (as Excalidraw keeps its actions): a code, a severity, the field it
 * is about and a pure check. The photo desk, the figure in the editor and the submit checks all
 * run the same list (rules.ts) through lintCaption, so they can never disagree.
 */

export const CAPTION_ISSUE_CODES = [
  'CAPTION_MISSING',
  'CAPTION_FILENAME',
  'CAPTION_TOO_LONG',
  'CAPTION_TOO_SHORT',
  'CAPTION_ALL_CAPS',
  'CAPTION_JUNK',
  'CAPTION_IN_BODY',
  'ALT_MISSING',
  'ALT_TOO_LONG',
  'CAPTION_EQUALS_ALT',
  'CREDIT_MISSING',
] as const;
export type CaptionIssueCode = (typeof CAPTION_ISSUE_CODES)[number];

/**
 * blocking: the article may not be submitted while it stands (and the desk lists the photo as
 * not ready); warning: shown beside the field and in the checklist, but the writer may go on.
 */
export type CaptionSeverity = 'blocking' | 'warning';

/** The form field an issue is about: where the desk and the figure show it. */
export type CaptionField = 'caption' | 'alt' | 'credit';

/** What the rules read of a photo: a figure in a body and a photo on the desk both have these. */
export interface CaptionPhoto {
  caption: string;
  alt: string;
  credit: string;
}

export interface CaptionContext {
  /**
   * The text of the blocks printed next to the photo (the one before and the one after). Absent
   * where the photo stands alone (the desk) or its neighbours are not known: rules that need them
   * then find nothing.
   */
  beside?: readonly string[];
}

/** Facts a rule adds to what it found, e.g. the limit that was passed. Plain values only. */
export type CaptionIssueDetails = Readonly<Record<string, string | number>>;

export interface CaptionRule {
  code: CaptionIssueCode;
  severity: CaptionSeverity;
  field: CaptionField;
  /**
   * Not checked once one of these was found by a rule earlier in the list: a missing caption is
   * not also "too short", a camera file name is not also "shouting".
   */
  unless?: readonly CaptionIssueCode[];
  /** True or details when the photo has the problem; false when it does not. Pure. */
  check(photo: CaptionPhoto, context: CaptionContext): boolean | CaptionIssueDetails;
}

export interface CaptionIssue {
  code: CaptionIssueCode;
  severity: CaptionSeverity;
  field: CaptionField;
  details?: CaptionIssueDetails;
}

/** Where caption and alt lengths end; the submit checks and the desk use the same numbers. */
export const CAPTION_LIMITS = {
  captionMax: 600,
  /** Screen readers read alt text in one go; long alt text belongs in the caption. */
  altMax: 250,
  /** Fewer words than this rarely say who, what and where. */
  captionMinWords: 5,
} as const;
