import type { CaptionRule } from './CaptionRule';
import { visibleText } from './visibleText';

/** A photo goes out with words under it: readers, the portal and the IPTC caption need them. */
export const captionMissing: CaptionRule = {
  code: 'CAPTION_MISSING',
  severity: 'blocking',
  field: 'caption',
  check: (photo) => visibleText(photo.caption) === '',
};
