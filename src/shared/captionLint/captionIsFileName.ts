import type { CaptionRule } from './CaptionRule';
import { looksLikeFileName } from './looksLikeFileName';

/** "img_4426", "tttt1", "Ảnh chụp màn hình (3)": the camera's or the app's name is no caption. */
export const captionIsFileName: CaptionRule = {
  code: 'CAPTION_FILENAME',
  severity: 'blocking',
  field: 'caption',
  unless: ['CAPTION_MISSING'],
  check: (photo) => looksLikeFileName(photo.caption),
};
