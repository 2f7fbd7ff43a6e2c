import { comparableText } from '../text/comparableText';
import { wordOverlap } from '../text/wordOverlap';
import type { CaptionRule } from './CaptionRule';

/**
 * Two in three of the words shared (Dice): "Đồng chí Hồ Quang Thành phát biểu tại hội nghị" under
 * the photo and "Đồng chí Hồ Quang Thành phát biểu chỉ đạo tại hội nghị." beside it. A paragraph
 * that merely mentions the caption's words scores far lower: its other words count against it.
 */
export const REPEAT_OVERLAP_MIN = 0.66;

/**
 * The old portal printed many captions twice, once under the photo and once as a paragraph next
 * to it; readers saw the same line twice. Needs the text beside the photo (the context).
 */
export const captionRepeatedInBody: CaptionRule = {
  code: 'CAPTION_IN_BODY',
  severity: 'warning',
  field: 'caption',
  unless: ['CAPTION_MISSING', 'CAPTION_FILENAME'],
  check: (photo, context) => {
    const caption = comparableText(photo.caption);
    if (caption === '') return false;
    return (context.beside ?? []).some(
      (text) => comparableText(text) === caption || wordOverlap(text, photo.caption) >= REPEAT_OVERLAP_MIN,
    );
  },
};
