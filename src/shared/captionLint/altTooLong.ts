import { CAPTION_LIMITS, type CaptionRule } from './CaptionRule';
import { visibleText } from './visibleText';

/** Screen readers read alt text in one go; what is longer belongs in the caption. */
export const altTooLong: CaptionRule = {
  code: 'ALT_TOO_LONG',
  severity: 'blocking',
  field: 'alt',
  unless: ['ALT_MISSING'],
  check: (photo) => visibleText(photo.alt).length > CAPTION_LIMITS.altMax && { limit: CAPTION_LIMITS.altMax },
};
