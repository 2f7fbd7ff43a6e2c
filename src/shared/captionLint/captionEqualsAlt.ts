import { comparableText } from '../text/comparableText';
import type { CaptionRule } from './CaptionRule';

/**
 * The alt text describes what the photo shows for someone who cannot see it; the caption, which
 * is read out too, says who and what. The same words twice tell a blind reader nothing more.
 * Compared folded and without punctuation: "Quang canh hoi nghi" is the same as the caption.
 */
export const captionEqualsAlt: CaptionRule = {
  code: 'CAPTION_EQUALS_ALT',
  severity: 'warning',
  field: 'alt',
  unless: ['CAPTION_MISSING', 'ALT_MISSING'],
  check: (photo) => comparableText(photo.caption) === comparableText(photo.alt),
};
