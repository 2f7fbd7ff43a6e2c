import type { CaptionRule } from './CaptionRule';
import { visibleText } from './visibleText';

/** A blind reader hears the alt text instead of seeing the photo; WordPress sends it as `alt`. */
export const altMissing: CaptionRule = {
  code: 'ALT_MISSING',
  severity: 'blocking',
  field: 'alt',
  check: (photo) => visibleText(photo.alt) === '',
};
