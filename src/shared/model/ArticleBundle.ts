import { z } from 'zod';
import { articleSchema } from './Article';

/**
 * What "export" hands the user: the full articles as stored, in one JSON file they can keep,
 * mail, or import elsewhere. Versioned on its own, independent of the store's schema version.
 */
export const ARTICLE_BUNDLE_FORMAT = 'newsdesk.articles';
export const ARTICLE_BUNDLE_VERSION = 1;

export const articleBundleSchema = z.object({
  format: z.literal(ARTICLE_BUNDLE_FORMAT),
  version: z.literal(ARTICLE_BUNDLE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  articles: z.array(articleSchema),
  /** Ids that were asked for but could not be exported (deleted meanwhile, unreadable). */
  missing: z.array(z.string()),
});
export type ArticleBundle = z.infer<typeof articleBundleSchema>;
