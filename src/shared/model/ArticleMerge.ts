// PLACEHOLDER until the merge branch lands (h/merge replaces this file).
import { z } from 'zod';
import type { ArticleContent } from './ArticleContent';

const block = z.unknown();
export const fieldMergeSchema = z.object({ kind: z.enum(['same', 'local', 'remote', 'conflict']), value: z.unknown().optional(), base: z.unknown().optional(), local: z.unknown().optional(), remote: z.unknown().optional() });
export const articleMergeSchema = z.object({
  fields: z.record(z.string(), fieldMergeSchema),
  body: z.array(z.union([z.object({ kind: z.literal('ok'), blocks: z.array(block) }), z.object({ kind: z.literal('conflict'), id: z.string(), base: z.array(block), local: z.array(block), remote: z.array(block) })])),
  clean: z.boolean(),
});
export type ArticleMerge = z.infer<typeof articleMergeSchema>;
export const mergeChoicesSchema = z.record(z.string(), z.enum(['local', 'remote', 'both']));
export type MergeChoices = z.infer<typeof mergeChoicesSchema>;
export function resolveMerge(_merge: ArticleMerge, _choices: MergeChoices): ArticleContent {
  throw new Error('placeholder');
}
