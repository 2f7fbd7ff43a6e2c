import { PUBLISH_LIMITS, type PublishRule } from './PublishRule';

/** Blocking: longer leads are truncated on the portal's front page, mid-sentence. */
export const leadTooLong: PublishRule = {
  id: 'LEAD_TOO_LONG',
  severity: 'blocking',
  field: 'lead',
  message: 'rules.LEAD_TOO_LONG',
  unless: ['LEAD_MISSING'],
  check: (article) => article.lead.trim().length > PUBLISH_LIMITS.leadMax && { limit: PUBLISH_LIMITS.leadMax },
};
