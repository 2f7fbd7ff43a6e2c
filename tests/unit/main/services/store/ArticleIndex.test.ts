import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleIndex, type IndexSource } from '../../../../../src/main/services/store/ArticleIndex';
import type { ArticleSummary } from '../../../../../src/shared/model/Article';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();

function summary(n: number): ArticleSummary {
  return {
    id: `a${n}`,
    rev: 1,
    title: `Bài số ${n}`,
    byline: 'Trần Thị Mai',
    category: 'Thời sự',
    state: 'draft',
    wordCount: 800,
    updatedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
  };
}

/** Documents on "disk" as the index sees them; counts reads so a test can tell a rebuild from a load. */
function sourceOf(summaries: ArticleSummary[]): IndexSource & { reads: number } {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const source = {
    reads: 0,
    listIds: async () => [...byId.keys()],
    readSummary: async (id: string) => {
      source.reads += 1;
      return byId.get(id) ?? null;
    },
  };
  return source;
}

const snapshotOf = (dataDir: string) => readFile(join(dataDir, 'index.json'), 'utf8');

/** The hash the snapshot claims, and the hash of what it actually holds. */
function hashes(text: string): { claimed: string | undefined; actual: string } {
  const claimed = /"sha256":"([0-9a-f]{64})"/.exec(text)?.[1];
  const body = text.slice(text.indexOf('"summaries":') + '"summaries":'.length, -1);
  return { claimed, actual: createHash('sha256').update(body).digest('hex') };
}

describe('ArticleIndex snapshot', () => {
  it('is written with the hash of its summaries and loads back without reading any document', async () => {
    const dataDir = await newDataDir();
    const all = [1, 2, 3].map(summary);
    const first = await ArticleIndex.load(dataDir, sourceOf(all));
    await first.flush();
    const text = await snapshotOf(dataDir);
    const { claimed, actual } = hashes(text);
    expect(claimed).toBe(actual);
    // Still one JSON document for anything that reads it whole.
    expect((JSON.parse(text) as { summaries: unknown[] }).summaries).toHaveLength(3);

    const source = sourceOf(all);
    const second = await ArticleIndex.load(dataDir, source);
    expect(source.reads).toBe(0);
    expect(second.list()).toEqual(first.list());
  });

  it('validates a snapshot whose hash no longer matches: keeps a valid edit and rehashes it', async () => {
    const dataDir = await newDataDir();
    await (await ArticleIndex.load(dataDir, sourceOf([1, 2].map(summary)))).flush();
    const text = await snapshotOf(dataDir);
    await writeFile(join(dataDir, 'index.json'), text.replace('Bài số 2', 'Bài số hai'));

    const source = sourceOf([1, 2].map(summary));
    const index = await ArticleIndex.load(dataDir, source);
    expect(source.reads).toBe(0);
    expect(index.get('a2')?.title).toBe('Bài số hai');
    const rewritten = hashes(await snapshotOf(dataDir));
    expect(rewritten.claimed).toBe(rewritten.actual);
  });

  it('rebuilds from the documents when an edit with a stale hash makes a summary invalid', async () => {
    const dataDir = await newDataDir();
    await (await ArticleIndex.load(dataDir, sourceOf([1, 2].map(summary)))).flush();
    const text = await snapshotOf(dataDir);
    await writeFile(join(dataDir, 'index.json'), text.replace('"wordCount":800', '"wordCount":-5'));

    const source = sourceOf([1, 2].map(summary));
    const index = await ArticleIndex.load(dataDir, source);
    expect(source.reads).toBe(2);
    expect(index.list().map((s) => s.wordCount)).toEqual([800, 800]);
  });

  it('rebuilds a version 1 snapshot from the documents: its summaries lack createdBy', async () => {
    const dataDir = await newDataDir();
    const all = [1, 2].map(summary);
    await writeFile(join(dataDir, 'index.json'), JSON.stringify({ version: 1, summaries: all }));
    const source = sourceOf(all.map((s) => ({ ...s, createdBy: 'Thanh Bình' })));
    const index = await ArticleIndex.load(dataDir, source);
    expect(source.reads).toBe(2);
    expect(index.list().map((s) => s.createdBy)).toEqual(['Thanh Bình', 'Thanh Bình']);
    expect(JSON.parse(await snapshotOf(dataDir))).toMatchObject({ version: 2 });
  });

  it('loads a snapshot without a hash (edited by hand) and rewrites it with one', async () => {
    const dataDir = await newDataDir();
    const all = [1, 2].map(summary);
    await writeFile(join(dataDir, 'index.json'), JSON.stringify({ version: 2, summaries: all }));

    const source = sourceOf(all);
    const index = await ArticleIndex.load(dataDir, source);
    expect(source.reads).toBe(0);
    expect(index.size).toBe(2);
    const rewritten = hashes(await snapshotOf(dataDir));
    expect(rewritten.claimed).toBe(rewritten.actual);
  });
});

describe('ArticleIndex rebuild', () => {
  it('reads every document when there is no snapshot, several at a time', async () => {
    const all = Array.from({ length: 40 }, (_, n) => summary(n));
    const source = sourceOf(all);
    let inFlight = 0;
    let most = 0;
    const read = source.readSummary;
    source.readSummary = async (id) => {
      most = Math.max(most, (inFlight += 1));
      try {
        return await read(id);
      } finally {
        inFlight -= 1;
      }
    };
    const index = await ArticleIndex.load(await newDataDir(), source);
    expect(source.reads).toBe(40);
    expect(most).toBeGreaterThan(1);
    expect(index.list()).toEqual([...all].reverse());
  });

  it('fails, rather than loading a partial index, when a document cannot be read', async () => {
    const source = sourceOf(Array.from({ length: 40 }, (_, n) => summary(n)));
    source.readSummary = async (id) => {
      if (id === 'a17') throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return summary(Number(id.slice(1)));
    };
    await expect(ArticleIndex.load(await newDataDir(), source)).rejects.toThrow('EACCES');
  });
});

describe('ArticleIndex list', () => {
  it('is newest first and follows every put and delete', async () => {
    const index = await ArticleIndex.load(await newDataDir(), sourceOf([1, 2, 3].map(summary)));
    expect(index.list().map((s) => s.id)).toEqual(['a3', 'a2', 'a1']);
    await index.put({ ...summary(1), updatedAt: '2025-02-01T00:00:00.000Z' });
    expect(index.list().map((s) => s.id)).toEqual(['a1', 'a3', 'a2']);
    await index.delete('a3');
    expect(index.list().map((s) => s.id)).toEqual(['a1', 'a2']);
    // A caller sorting or trimming its copy does not change the index's.
    index.list().reverse();
    expect(index.list().map((s) => s.id)).toEqual(['a1', 'a2']);
  });
});

describe('ArticleIndex compaction', () => {
  it('runs after the append that reaches the threshold, not inside it, and loses nothing', async () => {
    const dataDir = await newDataDir();
    const onDisk = sourceOf(Array.from({ length: 50 }, (_, n) => summary(n)));
    const index = await ArticleIndex.load(dataDir, onDisk);
    const before = await snapshotOf(dataDir);
    // 2,000 journal lines trigger a compaction (COMPACT_AFTER_LINES).
    for (let n = 0; n < 1_999; n += 1) await index.put(summary(n % 50));
    await index.put({ ...summary(7), title: 'Bài cuối' });
    // The put that reached the threshold has resolved; the snapshot is not rewritten yet.
    expect(await snapshotOf(dataDir)).toBe(before);

    await index.flush();
    expect(await snapshotOf(dataDir)).not.toBe(before);
    expect(await readFile(join(dataDir, 'index.journal'), 'utf8')).toBe('');
    const reopened = await ArticleIndex.load(dataDir, onDisk);
    expect(reopened.size).toBe(50);
    expect(reopened.get('a7')?.title).toBe('Bài cuối');
  });
});

describe('ArticleIndex journal', () => {
  it('drops a torn last line at load, so the next append is not glued onto it and lost', async () => {
    const dataDir = await newDataDir();
    const all = [1, 2].map(summary);
    const first = await ArticleIndex.load(dataDir, sourceOf(all));
    await first.flush();
    // A crash in the middle of an append: a fragment with no newline is all the journal holds.
    await writeFile(join(dataDir, 'index.journal'), '{"put":{"id":"a2","rev":', 'utf8');

    const second = await ArticleIndex.load(dataDir, sourceOf(all));
    await second.put({ ...summary(2), rev: 2, title: 'Bài số 2, sửa lại' });
    await second.flush();

    const third = await ArticleIndex.load(dataDir, sourceOf(all));
    expect(third.get('a2')?.rev).toBe(2);
    expect(third.get('a2')?.title).toBe('Bài số 2, sửa lại');
  });
});
