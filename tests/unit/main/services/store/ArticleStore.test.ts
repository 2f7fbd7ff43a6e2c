import { readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../../../src/shared/errors';
import { ARTICLE_SCHEMA_VERSION, articleSchema } from '../../../../../src/shared/model/Article';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();

/** A clock that moves one minute per call, so "newest first" does not depend on the machine's speed. */
function steppingClock(start = Date.parse('2025-03-01T08:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 60_000));
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<NewsdeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NewsdeskError);
  expect((error as NewsdeskError).code).toBe(code);
  return error as NewsdeskError;
}

describe('ArticleStore', () => {
  it('lists the creator in the summary, and keeps it across a restart', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    const created = await store.create({ title: 'Chợ phiên' }, { createdBy: 'Lê Văn Hùng' });
    expect(store.list()).toMatchObject([{ id: created.id, createdBy: 'Lê Văn Hùng' }]);
    await store.close();
    const reopened = await ArticleStore.open(dataDir);
    expect(reopened.list()).toMatchObject([{ id: created.id, createdBy: 'Lê Văn Hùng' }]);
    await reopened.close();
  });

  it('creates, reads and saves an article, bumping rev', async () => {
    const store = await ArticleStore.open(await newDataDir());
    const created = await store.create({ title: 'Mưa lớn ở Nghi Lộc', byline: 'Trần B' });
    expect(created.rev).toBe(1);
    expect(created.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(await store.get(created.id)).toEqual(created);

    const saved = await store.save(created.id, 1, { lead: 'Nước dâng cao.' });
    expect(saved.rev).toBe(2);
    expect(saved.lead).toBe('Nước dâng cao.');
    expect(saved.title).toBe('Mưa lớn ở Nghi Lộc');
    expect(await store.get(created.id)).toEqual(saved);
    expect(store.list().map((s) => [s.id, s.rev])).toEqual([[created.id, 2]]);
    await store.close();
  });

  it('refuses a save on a stale baseRev with CONFLICT and leaves the stored article as it was', async () => {
    const store = await ArticleStore.open(await newDataDir());
    const { id } = await store.create({ title: 'Gốc' });
    const winner = await store.save(id, 1, { title: 'Cửa sổ A' });
    const error = await expectCode(store.save(id, 1, { title: 'Cửa sổ B' }), 'CONFLICT');
    expect(error.details).toMatchObject({ id, baseRev: 1, currentRev: 2 });
    expect(await store.get(id)).toEqual(winner);
    await store.close();
  });

  it('reports NOT_FOUND for an unknown id', async () => {
    const store = await ArticleStore.open(await newDataDir());
    await expectCode(store.get('no-such-article'), 'NOT_FOUND');
    await expectCode(store.save('no-such-article', 1, { title: 'x' }), 'NOT_FOUND');
    await store.close();
  });

  it('stores text NFC-normalised, on create, on save and inside the Lexical body', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    // "Cửa Lò" decomposed (NFD), as some IMEs and Word paste produce it.
    const nfd = 'Cửa Lò'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const created = await store.create({ title: nfd, tags: [nfd] });
    expect(created.title).toBe('Cửa Lò'.normalize('NFC'));
    expect(created.tags).toEqual(['Cửa Lò'.normalize('NFC')]);

    const body = {
      root: {
        type: 'root' as const,
        children: [{ type: 'paragraph', children: [{ type: 'text', text: `Biển ${nfd}` }] }],
      },
    };
    const saved = await store.save(created.id, 1, { lead: nfd, body });
    expect(saved.lead).toBe('Cửa Lò'.normalize('NFC'));
    const onDisk = await readFile(join(dataDir, 'articles', `${created.id}.json`), 'utf8');
    expect(onDisk).not.toContain(nfd);
    expect(onDisk).toContain(`Biển ${'Cửa Lò'.normalize('NFC')}`);
    await store.close();
  });

  it('lists newest first, and a save moves an article to the top', async () => {
    const store = await ArticleStore.open(await newDataDir(), { now: steppingClock() });
    const a = await store.create({ title: 'A' });
    const b = await store.create({ title: 'B' });
    const c = await store.create({ title: 'C' });
    expect(store.list().map((s) => s.title)).toEqual(['C', 'B', 'A']);
    await store.save(a.id, a.rev, { title: 'A2' });
    expect(store.list().map((s) => s.title)).toEqual(['A2', 'C', 'B']);
    expect(store.list().map((s) => s.id)).toEqual([a.id, c.id, b.id]);
    await store.close();
  });

  it('reopens from disk with the same articles and summaries', async () => {
    const dataDir = await newDataDir();
    const first = await ArticleStore.open(dataDir, { now: steppingClock() });
    const a = await first.create({ title: 'Một' });
    const b = await first.create({ title: 'Hai' });
    const b2 = await first.save(b.id, 1, { title: 'Hai (sửa)' });
    const summaries = first.list();
    await first.close();

    const second = await ArticleStore.open(dataDir);
    expect(second.count).toBe(2);
    expect(second.list()).toEqual(summaries);
    expect(await second.get(a.id)).toEqual(a);
    expect(await second.get(b.id)).toEqual(b2);
    await second.close();
  });

  it.each([
    ['missing', async (file: string) => rm(file)],
    ['damaged', async (file: string) => writeFile(file, '{"version":1,"summaries":[{"id":')],
    ['of the wrong shape', async (file: string) => writeFile(file, JSON.stringify({ version: 1, summaries: [{ id: 42 }] }))],
  ])('rebuilds the index from articles/ when index.json is %s', async (_label, damage) => {
    const dataDir = await newDataDir();
    const first = await ArticleStore.open(dataDir, { now: steppingClock() });
    await first.create({ title: 'Một' });
    await first.create({ title: 'Hai' });
    await first.create({ title: 'Ba' });
    const summaries = first.list();
    await first.close();
    await rm(join(dataDir, 'index.journal'), { force: true });
    await damage(join(dataDir, 'index.json'));

    const second = await ArticleStore.open(dataDir);
    expect(second.list()).toEqual(summaries);
    await second.close();
    // The rebuilt snapshot is on disk again and valid.
    const snapshot = JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { summaries: unknown[] };
    expect(snapshot.summaries).toHaveLength(3);
  });

  it('ignores a torn last journal line, and later saves survive the next reopen', async () => {
    const dataDir = await newDataDir();
    const first = await ArticleStore.open(dataDir, { now: steppingClock() });
    const a = await first.create({ title: 'Một' });
    await first.create({ title: 'Hai' });
    await first.close();
    // Reopening compacts the journal to empty, so the torn line below is its only line: the
    // hardest case, where nothing else in the journal makes the index rewrite it.
    await (await ArticleStore.open(dataDir)).close();
    // A crash in the middle of an append leaves half a line and no newline.
    await appendFile(join(dataDir, 'index.journal'), '{"put":{"id":"torn","rev":1,"tit');

    const second = await ArticleStore.open(dataDir, { now: steppingClock(Date.parse('2025-04-01T00:00:00Z')) });
    expect(second.list().map((s) => s.title).sort()).toEqual(['Hai', 'Một']);
    // The next append must not be glued onto the torn half and lost.
    await second.save(a.id, 1, { title: 'Một (sửa)' });
    await second.close();

    const third = await ArticleStore.open(dataDir);
    expect(third.list().map((s) => s.title)).toEqual(['Một (sửa)', 'Hai']);
    expect(third.list()[0]?.rev).toBe(2);
    await third.close();
  });

  it('moves a corrupt article file to quarantine/ and still loads the others', async () => {
    const dataDir = await newDataDir();
    const first = await ArticleStore.open(dataDir);
    const good = await first.create({ title: 'Còn nguyên' });
    await first.close();
    const garbage = '{"schemaVersion":1,"id":"broken","title":"nửa';
    await writeFile(join(dataDir, 'articles', 'broken.json'), garbage);

    const second = await ArticleStore.open(dataDir);
    expect(second.list().map((s) => s.id)).toEqual([good.id]);
    expect(await second.get(good.id)).toEqual(good);
    expect(await readdir(join(dataDir, 'articles'))).not.toContain('broken.json');
    const quarantined = (await readdir(join(dataDir, 'quarantine'))).filter((name) => name.startsWith('broken.'));
    expect(quarantined).toHaveLength(1);
    // Moved, never altered or deleted: the newsroom can still recover it by hand.
    expect(await readFile(join(dataDir, 'quarantine', quarantined[0]!), 'utf8')).toBe(garbage);
    await second.close();
  });

  it('sweeps temp files left by an interrupted write', async () => {
    const dataDir = await newDataDir();
    const first = await ArticleStore.open(dataDir);
    const { id } = await first.create({ title: 'x' });
    await first.close();
    const stale = `.${id}.json.4242.abcdef123456.tmp`;
    await writeFile(join(dataDir, 'articles', stale), '{"half":');

    const second = await ArticleStore.open(dataDir);
    const names = await readdir(join(dataDir, 'articles'));
    expect(names).toEqual([`${id}.json`]);
    expect(second.count).toBe(1);
    await second.close();
  });

  it('writes only valid documents: the file on disk parses with the current schema', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    const { id } = await store.create({ title: 'Kiểm tra' });
    const raw: unknown = JSON.parse(await readFile(join(dataDir, 'articles', `${id}.json`), 'utf8'));
    expect(articleSchema.safeParse(raw).success).toBe(true);
    await store.close();
  });
});
