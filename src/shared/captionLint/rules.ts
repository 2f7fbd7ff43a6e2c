import { altMissing } from './altMissing';
import { altTooLong } from './altTooLong';
import type { CaptionRule } from './CaptionRule';
import { captionAllCaps } from './captionAllCaps';
import { captionEqualsAlt } from './captionEqualsAlt';
import { captionIsFileName } from './captionIsFileName';
import { captionJunk } from './captionJunk';
import { captionMissing } from './captionMissing';
import { captionRepeatedInBody } from './captionRepeatedInBody';
import { captionTooLong } from './captionTooLong';
import { captionTooShort } from './captionTooShort';
import { creditMissing } from './creditMissing';

/**
 * Every caption rule, in the order their issues are listed: the caption's, then the alt text's,
 * then the credit's. A rule's `unless` names only rules above it.
 *
 * Blocking (the article cannot be submitted): CAPTION_MISSING, CAPTION_FILENAME, CAPTION_TOO_LONG,
 * ALT_MISSING, ALT_TOO_LONG — as before this list existed. Warnings (shown, never blocking):
 * CAPTION_TOO_SHORT, CAPTION_ALL_CAPS, CAPTION_JUNK, CAPTION_IN_BODY, CAPTION_EQUALS_ALT,
 * CREDIT_MISSING: each has right exceptions the writer can judge.
 */
export const CAPTION_RULES: readonly CaptionRule[] = [
  captionMissing,
  captionIsFileName,
  captionTooLong,
  captionTooShort,
  captionAllCaps,
  captionJunk,
  captionRepeatedInBody,
  altMissing,
  altTooLong,
  captionEqualsAlt,
  creditMissing,
];
