import type { PublishRule } from './PublishRule';

/** Blocking: the press office signs what it publishes; the byline travels as the post's last line. */
export const bylineMissing: PublishRule = {
  id: 'BYLINE_MISSING',
  severity: 'blocking',
  field: 'byline',
  message: 'rules.BYLINE_MISSING',
  check: (article) => article.byline.trim() === '',
};
