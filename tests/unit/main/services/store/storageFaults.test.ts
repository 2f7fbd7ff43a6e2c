import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import {
  FAULTS_FILE,
  FaultInjectingFileSystem,
  faultsFromFile,
  type FaultErrno,
  type FaultPlan,
} from '../../../../../src/main/services/store/FaultInjectingFileSystem';
import { NewsdeskError } from '../../../../../src/shared/errors';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();

/** A switchable plan: `fail` decides per call while set; null heals the disk. */
function switchable(): { plan: FaultPlan; set(fail: FaultPlan | null): void } {
  let current: FaultPlan | null = null;
  return { plan: (op, path) => (current ? current(op, path) : null), set: (fail) => (current = fail) };
}

async function rawDoc(dataDir: string, id: string): Promise<{ rev: number; title: string }> {
  return JSON.parse(await readFile(join(dataDir, 'articles', `${id}.json`), 'utf8')) as { rev: number; title: string };
}

const CASES: [FaultErrno, string][] = [
  ['ENOSPC', 'STORAGE_FULL'],
  ['EROFS', 'STORAGE_READONLY'],
  ['EACCES', 'STORAGE_PERMISSION'],
  ['EIO', 'STORAGE_IO'],
];

describe('storage faults', () => {
  it.each(CASES)('%s: the save fails as %s, the saved version stays whole, a later save succeeds', async (errno, code) => {
    const dataDir = await newDataDir();
    const faults = switchable();
    const store = await ArticleStore.open(dataDir, { fs: new FaultInjectingFileSystem(faults.plan) });
    const created = await store.create({ title: 'Bản đã lưu' });
    const saved = await store.save(created.id, 1, { title: 'Bản đã lưu lần hai' });

    faults.set(() => errno);
    const error = await store.save(created.id, 2, { title: 'Bản chưa lưu được' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe(code);
    expect((error as NewsdeskError).details).toMatchObject({ errno });
    // Nothing already saved is lost or half-written, and no temp file is left behind.
    expect(await rawDoc(dataDir, created.id)).toMatchObject({ rev: 2, title: 'Bản đã lưu lần hai' });
    expect(await store.get(created.id)).toEqual(saved);
    expect(store.list()[0]).toMatchObject({ rev: 2, title: 'Bản đã lưu lần hai' });
    expect((await readdir(join(dataDir, 'articles'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    faults.set(null);
    const retried = await store.save(created.id, 2, { title: 'Bản chưa lưu được' });
    expect(retried.rev).toBe(3);
    await store.close();

    const reopened = await ArticleStore.open(dataDir);
    expect((await reopened.get(created.id)).title).toBe('Bản chưa lưu được');
    expect(reopened.list()[0]).toMatchObject({ rev: 3, title: 'Bản chưa lưu được' });
    await reopened.close();
  });

  it('a disk that fills while the temp file is being written leaves the old file and no temp file', async () => {
    const dataDir = await newDataDir();
    const faults = switchable();
    const store = await ArticleStore.open(dataDir, { fs: new FaultInjectingFileSystem(faults.plan) });
    const created = await store.create({ title: 'Trước' });
    // Only the data write fails: the temp file exists by then and must be cleaned up.
    faults.set((op) => (op === 'write' ? 'ENOSPC' : null));
    await expect(store.save(created.id, 1, { title: 'Sau' })).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(await readdir(join(dataDir, 'articles'))).toEqual([`${created.id}.json`]);
    expect(await rawDoc(dataDir, created.id)).toMatchObject({ rev: 1, title: 'Trước' });
    await store.close();
  });

  it('a failure after the document is written (index journal) still counts as saved and is repaired at open', async () => {
    const dataDir = await newDataDir();
    const faults = switchable();
    const store = await ArticleStore.open(dataDir, { fs: new FaultInjectingFileSystem(faults.plan) });
    const created = await store.create({ title: 'Một' });
    // The first append (the "writing" marker) goes through; the second (the summary) fails.
    let appends = 0;
    faults.set((op) => (op === 'appendFile' && ++appends === 2 ? 'ENOSPC' : null));
    const saved = await store.save(created.id, 1, { title: 'Hai' });
    expect(saved.rev).toBe(2);
    expect(appends).toBe(2);
    faults.set(null);
    // Simulate dying right here, without close(): the journal lacks the summary of rev 2.
    const journal = await readFile(join(dataDir, 'index.journal'), 'utf8');
    expect(journal).not.toContain('"Hai"');

    const reopened = await ArticleStore.open(dataDir);
    expect(reopened.list()[0]).toMatchObject({ id: created.id, rev: 2, title: 'Hai' });
    await reopened.close();
  });

  it('the file switch (.faults.json) fails writes while present and heals when removed', async () => {
    const dataDir = await newDataDir();
    const switchFile = join(dataDir, FAULTS_FILE);
    const store = await ArticleStore.open(dataDir, { fs: new FaultInjectingFileSystem(faultsFromFile(switchFile)) });
    const created = await store.create({ title: 'A' });
    await writeFile(switchFile, JSON.stringify({ failWrites: 'ENOSPC' }));
    await expect(store.save(created.id, 1, { title: 'B' })).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    await writeFile(switchFile, '{}');
    expect((await store.save(created.id, 1, { title: 'B' })).rev).toBe(2);
    await store.close();
  });
});
