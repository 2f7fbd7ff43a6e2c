import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../../../src/main/services/history/HistoryStore';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { ARTICLE_SCHEMA_VERSION, articleSchema } from '../../../../../src/shared/model/Article';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();
const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Fixtures of old shapes, named article-v<N>[-what].json, grouped by N. */
async function fixturesByVersion(): Promise<Map<number, string[]>> {
  const byVersion = new Map<number, string[]>();
  for (const name of await readdir(FIXTURES)) {
    const match = /^article-v(\d+)(?:-[\w-]+)?\.json$/.exec(name);
    if (!match) continue;
    const version = Number(match[1]);
    byVersion.set(version, [...(byVersion.get(version) ?? []), name]);
  }
  return byVersion;
}

async function load(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

describe('migrations, all of them', () => {
  it('every schema version older than the current one has a fixture of its shape', async () => {
    const byVersion = await fixturesByVersion();
    for (let version = 0; version < ARTICLE_SCHEMA_VERSION; version += 1) {
      expect(byVersion.get(version)?.length ?? 0, `a fixture for schema v${version}`).toBeGreaterThan(0);
    }
  });

  it('each fixture is really old and migrates to a valid current article with its text intact', async () => {
    for (const [version, names] of await fixturesByVersion()) {
      for (const name of names) {
        const doc = await load(name);
        expect(doc.schemaVersion ?? 0, name).toBe(version);
        const migrated = articleSchema.parse(migrateArticle(doc));
        expect(migrated.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
        expect(migrated.title, name).toBe(doc.title);
        expect(migrated.body, name).toEqual(doc.body);
        expect(migrated.rev, name).toBe(doc.rev);
      }
    }
  });

  it('a data dir holding one document of every old shape opens with all of them and no quarantine', async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    const ids: string[] = [];
    for (const names of (await fixturesByVersion()).values()) {
      for (const name of names) {
        const { id } = (await load(name)) as { id: string };
        ids.push(id);
        await copyFile(join(FIXTURES, name), join(dataDir, 'articles', `${id}.json`));
      }
    }
    const store = await ArticleStore.open(dataDir);
    expect(store.list().map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(store.notices()).toEqual([]);
    for (const id of ids) expect((await store.get(id)).schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    await store.close();
  });

  it('history snapshots written in an old article shape are migrated when read', async () => {
    const dataDir = await newDataDir();
    const store = await ArticleStore.open(dataDir);
    const [oldest] = [...(await fixturesByVersion()).entries()].sort((a, b) => a[0] - b[0]);
    const old = await load(oldest![1][0]!);
    const id = old.id as string;
    // The current article, and a snapshot of it from before the shape changed.
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    await copyFile(join(FIXTURES, oldest![1][0]!), join(dataDir, 'articles', `${id}.json`));
    await store.close();
    await mkdir(join(dataDir, 'history', id), { recursive: true });
    await writeFile(
      join(dataDir, 'history', id, `${old.rev as number}.json`),
      JSON.stringify({ version: 1, rev: old.rev, reason: 'submit', savedAt: '2023-05-02T09:30:00.000Z', restoredFrom: null, article: old }),
    );
    const reopened = await ArticleStore.open(dataDir);
    const reopenedHistory = new HistoryStore(reopened);
    const snapshot = await reopenedHistory.get(id, old.rev as number);
    expect(snapshot.article.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(snapshot.article.title).toBe(old.title);
    expect((await reopenedHistory.list(id)).map((v) => v.rev)).toEqual([old.rev]);
    await reopened.close();
  });
});
