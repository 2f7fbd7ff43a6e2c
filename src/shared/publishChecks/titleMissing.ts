import type { PublishRule } from './PublishRule';

/** Blocking: a post without a title has no headline on the portal and no readable slug. */
export const titleMissing: PublishRule = {
  id: 'TITLE_MISSING',
  severity: 'blocking',
  field: 'title',
  message: 'rules.TITLE_MISSING',
  check: (article) => article.title.trim() === '',
};
