import { z } from 'zod';
import { NewsdeskError } from '../errors';
import type { LexicalState } from './Article';
import { ARTICLE_CONTENT_SCALARS, type ArticleContent } from './ArticleContent';

/**
 * The three-way merge of an article's local copy and its portal copy against the base both
 * started from (mergeArticle, in the sync service, builds it). Everything a conflict dialog needs
 * is here, block by block, so the writer sees the difference and not a timestamp; resolveMerge
 * turns it plus the writer's choices into the content to save and push.
 */

/**
 * How one field came out. 'same': both sides agree (changed alike, or not at all); 'local' /
 * 'remote': only that side changed it; 'merged': both changed it and the changes combine (only
 * the tags, merged as a set); 'conflict': both changed it differently.
 */
export type FieldMerge<T> =
  | { kind: 'same' | 'local' | 'remote' | 'merged'; value: T }
  | { kind: 'conflict'; base: T; local: T; remote: T };

function fieldMergeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(['same', 'local', 'remote', 'merged']), value }),
    z.object({ kind: z.literal('conflict'), base: value, local: value, remote: value }),
  ]);
}

const blocksSchema = z.array(z.unknown());

/** A run of body blocks: settled ('ok'), or a conflict between what each side made of the base's blocks. */
export const bodyMergeChunkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), blocks: blocksSchema }),
  z.object({
    kind: z.literal('conflict'),
    /** The key of this conflict in resolveMerge's choices. */
    id: z.string(),
    base: blocksSchema,
    local: blocksSchema,
    remote: blocksSchema,
  }),
]);
export type BodyMergeChunk = z.infer<typeof bodyMergeChunkSchema>;

const text = z.string();
export const articleMergeSchema = z.object({
  fields: z.object({
    title: fieldMergeSchema(text),
    lead: fieldMergeSchema(text),
    byline: fieldMergeSchema(text),
    dateline: fieldMergeSchema(text),
    category: fieldMergeSchema(text),
    tags: fieldMergeSchema(z.array(z.string())),
    featuredAssetId: fieldMergeSchema(z.string().nullable()),
  }),
  body: z.array(bodyMergeChunkSchema),
  /** The local body's root without its children, so the merged body keeps the local root's fields. */
  bodyRoot: z.record(z.string(), z.unknown()),
  /** No field and no block conflicts: autoMerged gives the result without asking. */
  clean: z.boolean(),
});
export type ArticleMerge = z.infer<typeof articleMergeSchema>;
export type ArticleMergeField = keyof ArticleMerge['fields'];

/** 'both' keeps the local blocks, then the remote ones; only body conflicts allow it. */
export const MERGE_CHOICES = ['local', 'remote', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];
/** By body conflict id, or by field name. */
export type MergeChoices = Readonly<Record<string, MergeChoice | undefined>>;
/** The writer's choices as they cross the contract. */
export const mergeChoicesSchema = z.record(z.string().max(100), z.enum(MERGE_CHOICES));

const FIELD_NAMES: readonly ArticleMergeField[] = [...ARTICLE_CONTENT_SCALARS, 'tags'];

/** Conflict ids of the body and names of conflicting fields: what a writer must still choose. */
export function unresolvedConflicts(merge: ArticleMerge): string[] {
  const ids: string[] = [];
  for (const name of FIELD_NAMES) if (merge.fields[name].kind === 'conflict') ids.push(name);
  for (const chunk of merge.body) if (chunk.kind === 'conflict') ids.push(chunk.id);
  return ids;
}

export function isClean(merge: ArticleMerge): boolean {
  return unresolvedConflicts(merge).length === 0;
}

/** The merged content when nothing conflicts; SYNC_CONFLICT (with the conflict ids) otherwise. */
export function autoMerged(merge: ArticleMerge): ArticleContent {
  return resolveMerge(merge, {});
}

/**
 * The content the writer chose. Throws SYNC_CONFLICT naming every conflict left without a
 * choice, and VALIDATION for 'both' on a field: two titles (or bylines) cannot both be kept.
 */
export function resolveMerge(merge: ArticleMerge, choices: MergeChoices): ArticleContent {
  const missing = unresolvedConflicts(merge).filter((id) => choices[id] === undefined);
  if (missing.length > 0) throw new NewsdeskError('SYNC_CONFLICT', { unresolved: missing });

  const pick = <T>(name: ArticleMergeField, field: FieldMerge<T>): T => {
    if (field.kind !== 'conflict') return field.value;
    const choice = choices[name];
    if (choice === 'both') throw new NewsdeskError('VALIDATION', { field: name, choice });
    return choice === 'local' ? field.local : field.remote;
  };
  const { fields } = merge;

  const children: unknown[] = [];
  for (const chunk of merge.body) {
    if (chunk.kind === 'ok') {
      children.push(...chunk.blocks);
      continue;
    }
    const choice = choices[chunk.id];
    if (choice === 'local' || choice === 'both') children.push(...chunk.local);
    if (choice === 'remote' || choice === 'both') children.push(...chunk.remote);
  }
  const body = { root: { ...merge.bodyRoot, type: 'root', children } } as LexicalState;

  return {
    title: pick('title', fields.title),
    lead: pick('lead', fields.lead),
    body,
    byline: pick('byline', fields.byline),
    dateline: pick('dateline', fields.dateline),
    category: pick('category', fields.category),
    tags: pick('tags', fields.tags),
    featuredAssetId: pick('featuredAssetId', fields.featuredAssetId),
  };
}
