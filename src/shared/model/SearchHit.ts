import { z } from 'zod';
import { articleIdSchema } from './Article';

export const SEARCH_HIT_FIELDS = ['title', 'tags', 'lead', 'captions', 'byline', 'body'] as const;

/**
 * A piece of an article's original text (marks and case as written) with the matched syllables as
 * [start, end) UTF-16 offsets into `text`. The renderer wraps those in <mark>; no HTML travels.
 */
export const searchSnippetSchema = z.object({
  field: z.enum(SEARCH_HIT_FIELDS),
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  /** The snippet starts / ends inside the field's text: the renderer shows an ellipsis. */
  clippedStart: z.boolean(),
  clippedEnd: z.boolean(),
});
export type SearchSnippet = z.infer<typeof searchSnippetSchema>;

export const searchHitSchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  /** Higher is better; hits come sorted by it. Exact-diacritic matches score above folded ones. */
  score: z.number(),
  /** True when the article holds the query as typed, marks included. */
  exact: z.boolean(),
  snippets: z.array(searchSnippetSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** The index is still being built after start: hits may be missing; ask again shortly. */
  indexing: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchQuerySchema = z.object({
  q: z.string().max(500),
  limit: z.number().int().min(1).max(100).default(20),
});
