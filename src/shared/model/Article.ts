import { z } from 'zod';
import { checkOverrideSchema } from './CheckOverride';

/** Bumped with every change of the stored shape; each bump has a numbered migration in the store. */
export const ARTICLE_SCHEMA_VERSION = 3;

/** Ids become file names, so they are restricted to characters that are safe on every OS. */
export const articleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid article id');
export type ArticleId = z.infer<typeof articleIdSchema>;

export const ARTICLE_STATES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'scheduled',
  'published',
  'spiked',
] as const;
export const articleStateSchema = z.enum(ARTICLE_STATES);
export type ArticleState = z.infer<typeof articleStateSchema>;

/**
 * Lexical's serialized editor state. Nodes are kept loose on purpose: a node type written by a
 * newer version of Newsdesk must survive a save by this one, not be dropped by validation.
 */
export const lexicalStateSchema = z.looseObject({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(z.unknown()),
  }),
});
export type LexicalState = z.infer<typeof lexicalStateSchema>;

const isoDate = z.iso.datetime({ offset: true });

export const articleSchema = z.object({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: articleIdSchema,
  /** Increases by one with every save; a save names the rev it was based on. */
  rev: z.number().int().nonnegative(),
  title: z.string().max(2_000),
  lead: z.string().max(20_000),
  body: lexicalStateSchema,
  byline: z.string().max(500),
  dateline: z.string().max(500),
  category: z.string().max(200),
  tags: z.array(z.string().max(200)).max(100),
  publishAt: isoDate.nullable(),
  featuredAssetId: z.string().max(100).nullable(),
  /**
   * The portal slug the writer set (v3); empty: the one folded from the title (publishChecks/
   * slugOf), which is what most articles use. Kept as typed; the push sends it folded.
   */
  slug: z.string().max(500),
  state: articleStateSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  // Lifecycle fields (v2), owned by the lifecycle service; see src/shared/model/lifecycle.ts.
  // Optional: absent means "none", so documents and fixtures without them stay valid.
  /** The profile name of whoever created the article: "own draft" rules compare against it. */
  createdBy: z.string().max(200).optional(),
  /** The editor's note when the article was returned; cleared on approval. */
  returnNote: z.string().max(5_000).optional(),
  /** The state before spiking, so restore puts the article back where it was. */
  spikedFrom: articleStateSchema.exclude(['spiked']).optional(),
  /**
   * The rev of the last content write (absent: same as rev). State changes bump rev but not this,
   * so an editor based on it can still save: moving an article in the queue is no edit conflict.
   */
  contentRev: z.number().int().nonnegative().optional(),
  /** Publish-check warnings an editor let stand, with why (v3); owned by the lifecycle service. */
  checkOverrides: z.array(checkOverrideSchema).max(200),
});
export type Article = z.infer<typeof articleSchema>;

/** The fields a writer edits; everything else is owned by services (rev, state, timestamps). */
export const articleEditableSchema = articleSchema.pick({
  title: true,
  lead: true,
  body: true,
  byline: true,
  dateline: true,
  category: true,
  tags: true,
  publishAt: true,
  featuredAssetId: true,
  slug: true,
});
export type ArticleEditable = z.infer<typeof articleEditableSchema>;

export const articleSummarySchema = z.object({
  id: articleIdSchema,
  rev: z.number().int().nonnegative(),
  title: z.string(),
  byline: z.string(),
  category: z.string(),
  state: articleStateSchema,
  wordCount: z.number().int().nonnegative(),
  updatedAt: isoDate,
  /** Who created it (the profile name), for the queue's author filter beside the byline. */
  createdBy: z.string().max(200).optional(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export function emptyBody(): LexicalState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}
