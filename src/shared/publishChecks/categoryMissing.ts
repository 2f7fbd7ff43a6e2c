import type { PublishRule } from './PublishRule';

/**
 * A warning, which an editor may let stand with a reason: WordPress files a post without a
 * category under its default one ("Uncategorized"), which no section page shows, so the writer is
 * told at once. Not blocking, because a portal where the reporter's role cannot see or create the
 * section (and a notice with no section) is common, and the editor who files it decides.
 */
export const categoryMissing: PublishRule = {
  id: 'CATEGORY_MISSING',
  severity: 'warning',
  field: 'category',
  message: 'rules.CATEGORY_MISSING',
  check: (article) => article.category.trim() === '',
};
