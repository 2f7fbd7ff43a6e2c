import type { PublishRule } from './PublishRule';

/** Blocking: the sapo is the post's excerpt, what the front page and search results show. */
export const leadMissing: PublishRule = {
  id: 'LEAD_MISSING',
  severity: 'blocking',
  field: 'lead',
  message: 'rules.LEAD_MISSING',
  check: (article) => article.lead.trim() === '',
};
