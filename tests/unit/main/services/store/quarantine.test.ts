import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { errnoError } from '../../../../../src/main/services/store/FaultInjectingFileSystem';
import { nodeFileSystem, type FileSystem } from '../../../../../src/main/services/store/FileSystem';
import { NewsdeskError } from '../../../../../src/shared/errors';
import { ARTICLE_SCHEMA_VERSION } from '../../../../../src/shared/model/Article';
import type { StoreNotice } from '../../../../../src/shared/model/StoreNotice';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();

/** A data dir with one good article (made by the store itself) and the given raw files beside it. */
async function dataDirWith(files: Record<string, string>): Promise<{ dataDir: string; goodId: string }> {
  const dataDir = await newDataDir();
  const store = await ArticleStore.open(dataDir);
  const good = await store.create({ title: 'Bài còn tốt: Cửa Lò đón khách' });
  await store.close();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dataDir, 'articles', name), text);
  return { dataDir, goodId: good.id };
}

async function fullArticle(dataDir: string, id: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dataDir, 'articles', `${id}.json`), 'utf8')) as Record<string, unknown>;
}

describe('quarantine at open', () => {
  it('moves each damaged file aside with a notice naming it and its reason; every other article loads', async () => {
    const seed = await dataDirWith({});
    const valid = JSON.stringify(await fullArticle(seed.dataDir, seed.goodId));
    const { dataDir, goodId } = await dataDirWith({
      'cut.json': valid.slice(0, Math.floor(valid.length / 2)),
      'empty.json': '',
      'garbled.json': '{"title": Cửa Lò}',
      'notarticle.json': JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, id: 'notarticle', title: 5 }),
      'future.json': JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION + 7, id: 'future' }),
    });

    const store = await ArticleStore.open(dataDir);
    expect(store.list().map((s) => s.id)).toEqual([goodId]);
    expect((await store.get(goodId)).title).toBe('Bài còn tốt: Cửa Lò đón khách');

    const reasons = Object.fromEntries(store.notices().map((n) => [n.file, n.reason]));
    expect(reasons).toEqual({
      'cut.json': 'truncated',
      'empty.json': 'truncated',
      'garbled.json': 'invalid-json',
      'notarticle.json': 'wrong-schema',
      'future.json': 'newer-version',
    });
    // Nothing is deleted: each file sits in quarantine/ byte for byte.
    const garbled = store.notices().find((n) => n.file === 'garbled.json')!;
    expect(await readFile(join(dataDir, 'quarantine', garbled.movedTo), 'utf8')).toBe('{"title": Cửa Lò}');
    expect((await readdir(join(dataDir, 'articles'))).sort()).toEqual([`${goodId}.json`]);
    await store.close();
  });

  it('keeps notices across restarts until dismissed', async () => {
    const { dataDir } = await dataDirWith({ 'a.json': '{', 'b.json': 'null x' });
    const first = await ArticleStore.open(dataDir);
    expect(first.notices()).toHaveLength(2);
    await first.close();

    const second = await ArticleStore.open(dataDir);
    const notices = second.notices();
    expect(notices.map((n) => n.file).sort()).toEqual(['a.json', 'b.json']);
    expect(await second.dismissNotice(notices[0]!.id)).toBe(true);
    expect(await second.dismissNotice(notices[0]!.id)).toBe(false);
    await second.close();

    const third = await ArticleStore.open(dataDir);
    expect(third.notices().map((n) => n.id)).toEqual([notices[1]!.id]);
    await third.close();
  });

  it('does not quarantine a file it merely cannot read (permission): opening fails with the code instead', async () => {
    const { dataDir, goodId } = await dataDirWith({});
    // No index: open must read every document, and this one refuses.
    await writeFile(join(dataDir, 'index.json'), 'broken');
    await writeFile(join(dataDir, 'index.journal'), '');
    const fs: FileSystem = {
      ...nodeFileSystem,
      readFile: async (file) => {
        if (file.endsWith(`${goodId}.json`)) throw errnoError('EACCES', 'open', file);
        return nodeFileSystem.readFile(file);
      },
    };
    const error = await ArticleStore.open(dataDir, { fs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('STORAGE_PERMISSION');
    expect(await readdir(join(dataDir, 'articles'))).toEqual([`${goodId}.json`]);
  });
});

describe('quarantine on get', () => {
  it('quarantines a document damaged after open, reports ARTICLE_DAMAGED, emits a notice, keeps the rest', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    const keep = await store.create({ title: 'Giữ lại' });
    const breakMe = await store.create({ title: 'Sẽ hỏng' });
    const seen: StoreNotice[] = [];
    store.onNotice((notice) => seen.push(notice));

    const text = await readFile(join(dataDir, 'articles', `${breakMe.id}.json`), 'utf8');
    await writeFile(join(dataDir, 'articles', `${breakMe.id}.json`), text.slice(0, 40));

    const error = await store.get(breakMe.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('ARTICLE_DAMAGED');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ file: `${breakMe.id}.json`, reason: 'truncated', kind: 'quarantined' });
    expect(store.notices()).toEqual(seen);
    expect(store.list().map((s) => s.id)).toEqual([keep.id]);
    expect((await store.get(keep.id)).title).toBe('Giữ lại');
    // A later get is a plain NOT_FOUND, not a second quarantine.
    await expect(store.get(breakMe.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(seen).toHaveLength(1);
    await store.close();

    const reopened = await ArticleStore.open(dataDir);
    expect(reopened.list().map((s) => s.id)).toEqual([keep.id]);
    expect(reopened.notices()).toHaveLength(1);
    await reopened.close();
  });

  it('a save on a damaged document fails with ARTICLE_DAMAGED and writes nothing over it', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    const article = await store.create({ title: 'x' });
    await writeFile(join(dataDir, 'articles', `${article.id}.json`), '{"schemaVersion": 1, "id": 7}');
    await expect(store.save(article.id, 1, { title: 'y' })).rejects.toMatchObject({ code: 'ARTICLE_DAMAGED' });
    await mkdir(join(dataDir, 'quarantine'), { recursive: true });
    expect(await readdir(join(dataDir, 'articles'))).toEqual([]);
    const [notice] = store.notices();
    expect(notice?.reason).toBe('wrong-schema');
    expect(await readFile(join(dataDir, 'quarantine', notice!.movedTo), 'utf8')).toBe('{"schemaVersion": 1, "id": 7}');
    await store.close();
  });
});
