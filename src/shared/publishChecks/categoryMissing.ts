import type { PublishRule } from './PublishRule';

/**
 * Blocking: WordPress files a post without a category under its default one ("Uncategorized"),
 * which no section page or menu of the portal shows: the story would be published and unfindable.
 * Not overridable for that reason; choosing a section takes a second.
 */
export const categoryMissing: PublishRule = {
  id: 'CATEGORY_MISSING',
  severity: 'blocking',
  field: 'category',
  message: 'rules.CATEGORY_MISSING',
  check: (article) => article.category.trim() === '',
};
