import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { ARTICLE_SCHEMA_VERSION, articleSchema } from '../../../../../src/shared/model/Article';
import { useTempDataDir } from './tempDataDir';

// Migration 1 → 2: the lifecycle fields (createdBy, returnNote, spikedFrom).
const newDataDir = useTempDataDir();
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const read = async (name: string) => JSON.parse(await readFile(fixture(name), 'utf8')) as Record<string, unknown>;

describe('migrateArticle v1 → v2', () => {
  it('the v1 fixtures are of the old shape: version 1, no lifecycle fields, refused as is', async () => {
    for (const name of ['article-v1-spiked.json', 'article-v1-in-review.json']) {
      const doc = await read(name);
      expect(doc.schemaVersion).toBe(1);
      expect(doc).not.toHaveProperty('spikedFrom');
      expect(doc).not.toHaveProperty('returnNote');
      expect(articleSchema.safeParse(doc).success).toBe(false);
    }
  });

  it('a v1 spiked article becomes restorable: spiked from draft', async () => {
    const migrated = articleSchema.parse(migrateArticle(await read('article-v1-spiked.json')));
    expect(migrated).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, state: 'spiked', spikedFrom: 'draft', rev: 7 });
    expect(migrated.returnNote).toBeUndefined();
    expect(migrated.createdBy).toBeUndefined();
  });

  it('any other v1 article keeps its state and content and gains no lifecycle field', async () => {
    const doc = await read('article-v1-in-review.json');
    const migrated = articleSchema.parse(migrateArticle(doc));
    expect(migrated.state).toBe('in_review');
    expect(migrated.spikedFrom).toBeUndefined();
    expect(migrated.body).toEqual(doc.body);
    expect(migrated.title).toBe(doc.title);
  });

  it('the store opens a data dir of v1 documents and restores the spiked one to draft', async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    await copyFile(fixture('article-v1-spiked.json'), join(dataDir, 'articles', 'v1-spiked-0001.json'));
    const store = await ArticleStore.open(dataDir);
    const { after } = await store.setState('v1-spiked-0001', (current) => {
      expect(current.spikedFrom).toBe('draft');
      return { state: 'draft', spikedFrom: undefined, returnNote: undefined };
    });
    expect(after).toMatchObject({ state: 'draft', rev: 8 });
    const raw = JSON.parse(await readFile(join(dataDir, 'articles', 'v1-spiked-0001.json'), 'utf8')) as Record<string, unknown>;
    expect(raw.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(raw).not.toHaveProperty('spikedFrom');
    await store.close();
  });
});
