import { PUBLISH_LIMITS, type PublishRule } from './PublishRule';

/**
 * Blocking: the portal's list views and social cards cut a headline past 120 characters mid-word
 * (issue #15; it was 150 before the publish checks), and a cut headline can say the wrong thing.
 */
export const titleTooLong: PublishRule = {
  id: 'TITLE_TOO_LONG',
  severity: 'blocking',
  field: 'title',
  message: 'rules.TITLE_TOO_LONG',
  unless: ['TITLE_MISSING'],
  check: (article) => article.title.trim().length > PUBLISH_LIMITS.titleMax && { limit: PUBLISH_LIMITS.titleMax },
};
