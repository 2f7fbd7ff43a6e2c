import type { PublishRule } from './PublishRule';

/**
 * A warning: without a featured photo the portal's lists and social cards show the story without
 * a picture, which readers skip. But a notice (thông báo, lịch tiếp dân) rightly has no photo, so
 * an editor may let it stand with a reason.
 */
export const featuredMissing: PublishRule = {
  id: 'FEATURED_MISSING',
  severity: 'warning',
  field: 'featured',
  message: 'rules.FEATURED_MISSING',
  check: (article) => (article.featuredAssetId ?? '') === '',
};
