import { PUBLISH_LIMITS, type PublishRule } from './PublishRule';

/** Blocking: a byline this long is a paragraph pasted into the wrong field. */
export const bylineTooLong: PublishRule = {
  id: 'BYLINE_TOO_LONG',
  severity: 'blocking',
  field: 'byline',
  message: 'rules.BYLINE_TOO_LONG',
  unless: ['BYLINE_MISSING'],
  check: (article) => article.byline.trim().length > PUBLISH_LIMITS.bylineMax && { limit: PUBLISH_LIMITS.bylineMax },
};
