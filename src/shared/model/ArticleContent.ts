import { z } from 'zod';
import { articleEditableSchema } from './Article';

/**
 * The fields of an article that sync carries to the portal and back, and that a three-way merge
 * compares. publishAt is not among them: scheduling is a lifecycle move, not an edit of content.
 */
export const articleContentSchema = articleEditableSchema.pick({
  title: true,
  lead: true,
  body: true,
  byline: true,
  dateline: true,
  category: true,
  tags: true,
  featuredAssetId: true,
});
export type ArticleContent = z.infer<typeof articleContentSchema>;

/** The scalar fields (everything but the body and the tags), in the order a merge dialog shows them. */
export const ARTICLE_CONTENT_SCALARS = ['title', 'lead', 'byline', 'dateline', 'category', 'featuredAssetId'] as const;
export type ArticleContentScalar = (typeof ARTICLE_CONTENT_SCALARS)[number];
