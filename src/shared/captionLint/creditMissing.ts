import type { CaptionRule } from './CaptionRule';
import { visibleText } from './visibleText';

/**
 * The portal prints "Ảnh: …" under every photo and the IPTC credit travels with the file. A
 * warning, not a block: a photo handed over by a reader or a ministry may come without a name.
 */
export const creditMissing: CaptionRule = {
  code: 'CREDIT_MISSING',
  severity: 'warning',
  field: 'credit',
  check: (photo) => visibleText(photo.credit) === '',
};
