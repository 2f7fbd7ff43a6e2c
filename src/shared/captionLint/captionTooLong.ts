import { CAPTION_LIMITS, type CaptionRule } from './CaptionRule';
import { visibleText } from './visibleText';

/** The portal's theme and the IPTC caption field both cut a caption this long. */
export const captionTooLong: CaptionRule = {
  code: 'CAPTION_TOO_LONG',
  severity: 'blocking',
  field: 'caption',
  unless: ['CAPTION_MISSING', 'CAPTION_FILENAME'],
  check: (photo) => visibleText(photo.caption).length > CAPTION_LIMITS.captionMax && { limit: CAPTION_LIMITS.captionMax },
};
