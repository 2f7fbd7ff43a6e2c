import { diffIndices } from 'node-diff3';
import { blockKey } from '../../../shared/content/blockKey';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { ArticleMerge, BodyMergeChunk, FieldMerge } from '../../../shared/model/ArticleMerge';

/**
 * Three-way merge of an article: `local` (this machine) and `remote` (the portal, through
 * postToArticle) against `base`, the last version both agreed on. Whatever only one side changed
 * is taken from that side; whatever both changed differently is a conflict, kept with all three
 * versions for the writer to choose. Nothing is dropped without a choice.
 *
 * The body merges by top-level block, blocks compared by blockKey (so a pull of an untouched post
 * is no change). Blocks the merge keeps unchanged, or that the portal has in the same form as a
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

/** One side's change to the base: base blocks [oStart, oEnd) became that side's [start, end). */
interface Hunk {
  side: 'local' | 'remote';
  oStart: number;
  oEnd: number;
  start: number;
  end: number;
}
interface Region {
  oStart: number;
  oEnd: number;
  hunks: Hunk[];
}

/**
 * diff3 over block keys. The changes of each side come from node-diff3's diffIndices (its LCS);
 * they are grouped here rather than by its diff3Merge because diff3Merge counts changes that
 * merely touch (local edits paragraph 3, remote edits paragraph 4) as one conflict, and
 * neighbouring edits are the common case of a writer and a web editor working on one story.
 * Here changes conflict only when they change a base block in common, or both insert at the
 * same place (where no order between the two is right).
 */
function mergeBlocks(base: unknown[], local: unknown[], remote: unknown[]): BodyMergeChunk[] {
  const baseKeys = base.map(blockKey);
  const localKeys = local.map(blockKey);
  const remoteKeys = remote.map(blockKey);
  const hunksOf = (side: Hunk['side'], keys: string[]): Hunk[] =>
    diffIndices(baseKeys, keys).map(({ buffer1: [oStart, oLength], buffer2: [start, length] }) => ({
      side,
      oStart,
      oEnd: oStart + oLength,
      start,
      end: start + length,
    }));
  const hunks = [...hunksOf('local', localKeys), ...hunksOf('remote', remoteKeys)].sort(
    // An insertion before a change at the same place comes first: it then does not overlap it.
    (x, y) => x.oStart - y.oStart || x.oEnd - x.oStart - (y.oEnd - y.oStart),
  );
  const regions: Region[] = [];
  for (const hunk of hunks) {
    const last = regions[regions.length - 1];
    if (last && overlaps(last, hunk)) {
      last.oEnd = Math.max(last.oEnd, hunk.oEnd);
      last.hunks.push(hunk);
    } else regions.push({ oStart: hunk.oStart, oEnd: hunk.oEnd, hunks: [hunk] });
  }

  // A remote block that says what a local block says is taken as the local node.
  const localByKey = new Map<string, unknown>();
  local.forEach((node, index) => {
    if (!localByKey.has(localKeys[index]!)) localByKey.set(localKeys[index]!, node);
  });
  const remoteBlocks = (from: number, to: number) =>
    remote.slice(from, to).map((node, offset) => localByKey.get(remoteKeys[from + offset]!) ?? node);

  const chunks: BodyMergeChunk[] = [];
  const settle = (blocks: unknown[]) => {
    if (blocks.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last?.kind === 'ok') last.blocks.push(...blocks);
    else chunks.push({ kind: 'ok', blocks: [...blocks] });
  };
  // Outside regions the three agree, block for block: positions move together.
  let oPos = 0;
  let localPos = 0;
  let remotePos = 0;
  let conflicts = 0;
  for (const region of regions) {
    const unchanged = region.oStart - oPos;
    settle(local.slice(localPos, localPos + unchanged));
    localPos += unchanged;
    remotePos += unchanged;
    const span = region.oEnd - region.oStart;
    const endOf = (side: Hunk['side'], pos: number) => {
      const last = region.hunks.filter((hunk) => hunk.side === side).pop();
      return last ? last.end + (region.oEnd - last.oEnd) : pos + span;
    };
    const localEnd = endOf('local', localPos);
    const remoteEnd = endOf('remote', remotePos);
    const localChanged = region.hunks.some((hunk) => hunk.side === 'local');
    const remoteChanged = region.hunks.some((hunk) => hunk.side === 'remote');
    const sameResult = localKeys.slice(localPos, localEnd).join('\n') === remoteKeys.slice(remotePos, remoteEnd).join('\n');
    if (!remoteChanged || sameResult) settle(local.slice(localPos, localEnd));
    else if (!localChanged) settle(remoteBlocks(remotePos, remoteEnd));
    else {
      conflicts += 1;
      chunks.push({
        kind: 'conflict',
        id: `body-${conflicts}`,
        base: base.slice(region.oStart, region.oEnd),
        local: local.slice(localPos, localEnd),
        remote: remoteBlocks(remotePos, remoteEnd),
      });
    }
    oPos = region.oEnd;
    localPos = localEnd;
    remotePos = remoteEnd;
  }
  settle(local.slice(localPos));
  return chunks;
}

function overlaps(region: Region, hunk: Hunk): boolean {
  if (hunk.oStart < region.oEnd) return true;
  // Two insertions at one place, one from each side.
  const isInsertion = (h: Hunk) => h.oStart === h.oEnd;
  return isInsertion(hunk) && region.hunks.some((other) => other.side !== hunk.side && isInsertion(other) && other.oStart === hunk.oStart);
}
