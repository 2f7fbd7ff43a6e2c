import type { PublishRule } from './PublishRule';

/**
 * A warning: a title of only signs or emoji folds to no slug, and WordPress then names the post
 * by its number (?p=123). The post still works, so an editor may let it stand; usually the writer
 * sets a slug instead.
 */
export const slugEmpty: PublishRule = {
  id: 'SLUG_EMPTY',
  severity: 'warning',
  field: 'slug',
  message: 'rules.SLUG_EMPTY',
  unless: ['TITLE_MISSING'],
  check: (_article, facts) => facts.slug === '',
};
