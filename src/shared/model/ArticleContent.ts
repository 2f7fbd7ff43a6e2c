import type { z } from 'zod';
import { articleEditableSchema } from './Article';

/** The fields of an article the portal holds: what sync pushes, pulls and merges. */
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
