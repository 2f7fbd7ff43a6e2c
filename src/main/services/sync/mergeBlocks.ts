import { diffIndices } from 'node-diff3';
import { blockKey } from '../../../shared/content/blockKey';
import type { BodyMergeChunk } from '../../../shared/model/ArticleMerge';

/** Blocks with their keys (blockKey), so that a nested merge does not key them again. */
interface Blocks {
  nodes: unknown[];
  keys: string[];
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

type Chunk = { kind: 'ok'; blocks: unknown[] } | { kind: 'conflict'; base: unknown[]; local: unknown[]; remote: unknown[] };
/** What both sides made of one region of the base. */
interface Span {
  base: Blocks;
  local: Blocks;
  remote: Blocks;
  localChanged: boolean;
  remoteChanged: boolean;
}
/** Nested merges left to try (splitAtSharedInsertion), shared by one article's whole merge. */
interface Budget {
  left: number;
}
const NESTED_MERGES = 500;

/**
 * diff3 of a body over block keys (blockKey). The changes of each side come from node-diff3's
 * diffIndices (its LCS); they are grouped here rather than by its diff3Merge because diff3Merge
 * counts changes that merely touch (local edits paragraph 3, remote edits paragraph 4) as one
 * conflict, and neighbouring edits are the common case of a writer and a web editor working on
 * one story. Here changes conflict only when they change a base block in common, or both insert
 * at the same place (where no order between the two is right).
 *
 * Two sides can make one insertion in different shapes, though: each side's LCS aligns its own
 * changes with the base alone. A photo appended after paragraph 3 is an insertion at the end on
 * this laptop, and, on a portal where an editor has also rewritten paragraph 3 since, part of the
 * change "paragraph 3 became paragraph 3′ + photo". Taken as two changes, both were applied and
 * the photo appeared twice (the retried push of a post whose answer was cut after WordPress had
 * saved it, merged with the editor's edit of the paragraph before it). Likewise a region both
 * sides changed, one of them with the other's change already merged in plus a photo of its own,
 * was a conflict. So changes that touch are first tried as one region, and in a region both
 * changed, a new block both sides have is taken as one insertion made by both (resolve): kept
 * once, the rest merged again around it. Only a clean result is taken that way; otherwise the
 * touching changes are merged one by one, as before.
 *
 * A remote block that says what a local block says is taken as the local node: it carries fields
 * the portal lost (a photo's camera file name).
 */
export function mergeBlocks(base: unknown[], local: unknown[], remote: unknown[]): BodyMergeChunk[] {
  const localKeys = local.map(blockKey);
  const remoteKeys = remote.map(blockKey);
  const localByKey = new Map<string, unknown>();
  local.forEach((node, index) => {
    if (!localByKey.has(localKeys[index]!)) localByKey.set(localKeys[index]!, node);
  });
  const chunks = mergeSequences(
    { nodes: base, keys: base.map(blockKey) },
    { nodes: local, keys: localKeys },
    { nodes: remote.map((node, index) => localByKey.get(remoteKeys[index]!) ?? node), keys: remoteKeys },
    { left: NESTED_MERGES },
  );
  const out: BodyMergeChunk[] = [];
  let conflicts = 0;
  for (const chunk of chunks) {
    const last = out[out.length - 1];
    if (chunk.kind === 'ok') {
      if (chunk.blocks.length === 0) continue;
      if (last?.kind === 'ok') last.blocks.push(...chunk.blocks);
      else out.push({ kind: 'ok', blocks: [...chunk.blocks] });
    } else {
      conflicts += 1;
      out.push({ ...chunk, id: `body-${conflicts}` });
    }
  }
  return out;
}

function mergeSequences(base: Blocks, local: Blocks, remote: Blocks, budget: Budget): Chunk[] {
  const hunksOf = (side: Hunk['side'], keys: string[]): Hunk[] =>
    diffIndices(base.keys, keys).map(({ buffer1: [oStart, oLength], buffer2: [start, length] }) => ({
      side,
      oStart,
      oEnd: oStart + oLength,
      start,
      end: start + length,
    }));
  const hunks = [...hunksOf('local', local.keys), ...hunksOf('remote', remote.keys)].sort(
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
  // Regions that touch (one ends where the next begins): the changes of one side next to the other's.
  const clusters: Region[][] = [];
  for (const region of regions) {
    const last = clusters[clusters.length - 1];
    if (last && last[last.length - 1]!.oEnd === region.oStart) last.push(region);
    else clusters.push([region]);
  }

  const chunks: Chunk[] = [];
  // Outside regions the three agree, block for block: positions move together.
  let oPos = 0;
  let localPos = 0;
  let remotePos = 0;
  /** What both sides made of the base's [region.oStart, region.oEnd), from where they stand now. */
  const spanOf = (region: Region): Span => {
    const span = region.oEnd - region.oStart;
    const endOf = (side: Hunk['side'], pos: number) => {
      const last = region.hunks.filter((hunk) => hunk.side === side).pop();
      return last ? last.end + (region.oEnd - last.oEnd) : pos + span;
    };
    return {
      base: slice(base, region.oStart, region.oEnd),
      local: slice(local, localPos, endOf('local', localPos)),
      remote: slice(remote, remotePos, endOf('remote', remotePos)),
      localChanged: region.hunks.some((hunk) => hunk.side === 'local'),
      remoteChanged: region.hunks.some((hunk) => hunk.side === 'remote'),
    };
  };
  const take = (region: Region, resolved: Chunk[], span: Span) => {
    chunks.push(...resolved);
    oPos = region.oEnd;
    localPos += span.local.nodes.length;
    remotePos += span.remote.nodes.length;
  };
  for (const cluster of clusters) {
    const unchanged = cluster[0]!.oStart - oPos;
    chunks.push({ kind: 'ok', blocks: local.nodes.slice(localPos, localPos + unchanged) });
    oPos += unchanged;
    localPos += unchanged;
    remotePos += unchanged;
    if (cluster.length > 1) {
      const whole: Region = { oStart: cluster[0]!.oStart, oEnd: cluster[cluster.length - 1]!.oEnd, hunks: cluster.flatMap((region) => region.hunks) };
      const span = spanOf(whole);
      const resolved = resolve(span, budget);
      if (resolved.every((chunk) => chunk.kind === 'ok')) {
        take(whole, resolved, span);
        continue;
      }
    }
    for (const region of cluster) {
      const span = spanOf(region);
      take(region, resolve(span, budget), span);
    }
  }
  chunks.push({ kind: 'ok', blocks: local.nodes.slice(localPos) });
  return chunks;
}

/**
 * One region: the side that changed it, or both when they made the same of it. When both changed
 * it differently but put the same new block in it (a block neither in its base nor twice on a
 * side), that block is one insertion made by both: it is kept once, and what comes before it and
 * after it is merged again, with the region's base split between the two at the first place that
 * leaves both clean. Otherwise a conflict of the whole region.
 */
function resolve(span: Span, budget: Budget): Chunk[] {
  const { base, local, remote } = span;
  if (!span.remoteChanged || local.keys.join('\n') === remote.keys.join('\n')) return [{ kind: 'ok', blocks: local.nodes }];
  if (!span.localChanged) return [{ kind: 'ok', blocks: remote.nodes }];
  return splitAtSharedInsertion(span, budget) ?? [{ kind: 'conflict', base: base.nodes, local: local.nodes, remote: remote.nodes }];
}

function splitAtSharedInsertion({ base, local, remote }: Span, budget: Budget): Chunk[] | null {
  const inBase = new Set(base.keys);
  const once = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const [localCounts, remoteCounts] = [once(local.keys), once(remote.keys)];
  const shared = local.keys
    .map((key, at) => ({ key, at, there: remote.keys.indexOf(key) }))
    .filter(({ key, there }) => there >= 0 && !inBase.has(key) && localCounts.get(key) === 1 && remoteCounts.get(key) === 1)
    // The same order whichever side is local, so that the merge stays symmetric.
    .sort((x, y) => x.at + x.there - (y.at + y.there) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { at, there } of shared) {
    for (let cut = 0; cut <= base.keys.length; cut += 1) {
      // Each try merges again; a budget per article keeps a large rewritten region from taking long.
      if ((budget.left -= 1) < 0) return null;
      const before = mergeSequences(slice(base, 0, cut), slice(local, 0, at), slice(remote, 0, there), budget);
      if (!before.every((chunk) => chunk.kind === 'ok')) continue;
      const after = mergeSequences(slice(base, cut, base.keys.length), slice(local, at + 1, local.keys.length), slice(remote, there + 1, remote.keys.length), budget);
      if (!after.every((chunk) => chunk.kind === 'ok')) continue;
      return [...before, { kind: 'ok', blocks: [local.nodes[at]] }, ...after];
    }
  }
  return null;
}

const slice = (blocks: Blocks, from: number, to: number): Blocks => ({ nodes: blocks.nodes.slice(from, to), keys: blocks.keys.slice(from, to) });

function overlaps(region: Region, hunk: Hunk): boolean {
  if (hunk.oStart < region.oEnd) return true;
  // Two insertions at one place, one from each side.
  const isInsertion = (h: Hunk) => h.oStart === h.oEnd;
  return isInsertion(hunk) && region.hunks.some((other) => other.side !== hunk.side && isInsertion(other) && other.oStart === hunk.oStart);
}
