import type { PublishRule } from './PublishRule';
import { slugOf } from './slugOf';

/**
 * A warning: the writer typed a slug that is not already folded ("Cửa Lò", "giao ban 2024!").
 * The push sends it folded (slugOf), so nothing breaks; the warning shows the address the post
 * will really get, so nobody is surprised by it.
 */
export const slugMalformed: PublishRule = {
  id: 'SLUG_MALFORMED',
  severity: 'warning',
  field: 'slug',
  message: 'rules.SLUG_MALFORMED',
  check: (article, facts) => {
    const typed = (article.slug ?? '').trim();
    return typed !== '' && facts.slug !== '' && slugOf(typed) !== typed && { slug: facts.slug };
  },
};
