import { countWords } from '../text/countWords';
import { CAPTION_LIMITS, type CaptionRule } from './CaptionRule';

/**
 * "Quang cảnh hội nghị" says what any photo of a meeting shows; a caption names who, what and
 * where. A warning: some short captions are right ("Ảnh minh họa"), and the writer decides.
 */
export const captionTooShort: CaptionRule = {
  code: 'CAPTION_TOO_SHORT',
  severity: 'warning',
  field: 'caption',
  unless: ['CAPTION_MISSING', 'CAPTION_FILENAME'],
  check: (photo) => {
    const words = countWords(photo.caption);
    return words < CAPTION_LIMITS.captionMinWords && { limit: CAPTION_LIMITS.captionMinWords, words };
  },
};
