import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { ArticleMerge, FieldMerge } from '../../../shared/model/ArticleMerge';
import { mergeBlocks } from './mergeBlocks';

/**
 * Three-way merge of an article: `local` (this machine) and `remote` (the portal, through
 * postToArticle) against `base`, the last version both agreed on. Whatever only one side changed
 * is taken from that side; whatever both changed differently is a conflict, kept with all three
 * versions for the writer to choose. Nothing is dropped without a choice.
 *
 * The body merges by top-level block (mergeBlocks), blocks compared by blockKey (so a pull of an
 * untouched post is no change). Blocks the merge keeps unchanged, or that the portal has in the same form as a
 * local block, are the local node objects: they carry fields the portal lost (a photo's camera
 * file name).
 */
export function mergeArticle(base: ArticleContent, local: ArticleContent, remote: ArticleContent): ArticleMerge {
  const fields: ArticleMerge['fields'] = {
    title: mergeScalar(base.title, local.title, remote.title, sameText),
    lead: mergeScalar(base.lead, local.lead, remote.lead, sameText),
    byline: mergeScalar(base.byline, local.byline, remote.byline, sameText),
    dateline: mergeScalar(base.dateline, local.dateline, remote.dateline, sameText),
    category: mergeScalar(base.category, local.category, remote.category, sameText),
    tags: mergeTags(base.tags, local.tags, remote.tags),
    featuredAssetId: mergeScalar(base.featuredAssetId, local.featuredAssetId, remote.featuredAssetId, (x, y) => x === y),
  };
  const body = mergeBlocks(base.body.root.children, local.body.root.children, remote.body.root.children);
  const { children: _children, ...bodyRoot } = local.body.root;
  const clean = Object.values(fields).every((field) => field.kind !== 'conflict') && body.every((chunk) => chunk.kind === 'ok');
  return { fields, body, bodyRoot, clean };
}

const sameText = (x: string, y: string): boolean => x.normalize('NFC') === y.normalize('NFC');

function mergeScalar<T>(base: T, local: T, remote: T, same: (x: T, y: T) => boolean): FieldMerge<T> {
  if (same(local, remote)) return { kind: 'same', value: local };
  if (same(local, base)) return { kind: 'remote', value: remote };
  if (same(remote, base)) return { kind: 'local', value: local };
  return { kind: 'conflict', base, local, remote };
}

/** The portal matches term names case- and NFC-insensitively; so does the merge. */
const tagKey = (tag: string): string => tag.normalize('NFC').toLowerCase();

/**
 * Tags merge as a set and never conflict: a tag either side added is in, a tag either side
 * removed is out. Local spelling and order first, then what the portal added.
 */
function mergeTags(base: readonly string[], local: readonly string[], remote: readonly string[]): FieldMerge<string[]> {
  const keys = (tags: readonly string[]) => new Set(tags.map(tagKey));
  const [inBase, inLocal, inRemote] = [keys(base), keys(local), keys(remote)];
  const sameSet = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((key) => y.has(key));
  if (sameSet(inLocal, inRemote)) return { kind: 'same', value: [...local] };
  if (sameSet(inLocal, inBase)) return { kind: 'remote', value: [...remote] };
  if (sameSet(inRemote, inBase)) return { kind: 'local', value: [...local] };
  const value: string[] = [];
  const taken = new Set<string>();
  const take = (tag: string) => {
    const key = tagKey(tag);
    if (taken.has(key)) return;
    taken.add(key);
    value.push(tag);
  };
  for (const tag of local) if (inRemote.has(tagKey(tag)) || !inBase.has(tagKey(tag))) take(tag);
  for (const tag of remote) if (!inLocal.has(tagKey(tag)) && !inBase.has(tagKey(tag))) take(tag);
  return { kind: 'merged', value };
}
