import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, articleSchema } from '../../../../../src/shared/model/Article';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { useTempDataDir } from './tempDataDir';

const newDataDir = useTempDataDir();
const V0_FIXTURE = join(import.meta.dirname, 'fixtures', 'article-v0.json');

async function v0(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(V0_FIXTURE, 'utf8')) as Record<string, unknown>;
}

describe('migrateArticle', () => {
  it('the v0 fixture is really of the old shape (no schemaVersion, no tags) and invalid as is', async () => {
    const doc = await v0();
    expect(doc).not.toHaveProperty('schemaVersion');
    expect(doc).not.toHaveProperty('tags');
    expect(articleSchema.safeParse(doc).success).toBe(false);
  });

  it('turns a v0 document (prototype builds) into a valid current one, keeping its content', async () => {
    const doc = await v0();
    const migrated = articleSchema.parse(migrateArticle(doc));
    expect(migrated.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(migrated).toMatchObject({
      id: 'proto-0001',
      rev: 3,
      title: 'Lễ hội Cầu Ngư ở Cửa Lò',
      byline: 'Nguyễn Văn A',
      tags: [],
      publishAt: null,
      featuredAssetId: null,
      category: '',
      dateline: '',
      updatedAt: '2023-05-02T09:30:00.000Z',
    });
    expect(migrated.body).toEqual(doc.body);
  });

  it('does not mutate its input', async () => {
    const doc = await v0();
    const before = structuredClone(doc);
    migrateArticle(doc);
    expect(doc).toEqual(before);
  });

  it('leaves a document from a newer Newsdesk alone (validation then refuses it)', () => {
    const newer = { schemaVersion: ARTICLE_SCHEMA_VERSION + 1, id: 'future', title: 'x' };
    expect(migrateArticle(newer)).toEqual(newer);
    expect(articleSchema.safeParse(migrateArticle(newer)).success).toBe(false);
  });

  it.each([null, 'text', 42, ['array']])('returns non-objects unchanged (%j)', (value) => {
    expect(migrateArticle(value)).toEqual(value);
  });

  it('opens a data dir holding a v0 document: the store reads it migrated', async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    await copyFile(V0_FIXTURE, join(dataDir, 'articles', 'proto-0001.json'));
    const store = await ArticleStore.open(dataDir);
    expect(store.list().map((s) => s.id)).toEqual(['proto-0001']);
    const article = await store.get('proto-0001');
    expect(article.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(article.title).toBe('Lễ hội Cầu Ngư ở Cửa Lò');
    // A save writes the current version back.
    const saved = await store.save('proto-0001', 3, { lead: 'Đã chuyển đổi.' });
    const raw = JSON.parse(await readFile(join(dataDir, 'articles', 'proto-0001.json'), 'utf8')) as { schemaVersion: number };
    expect(raw.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(saved.rev).toBe(4);
    await store.close();
  });
});
