import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { ARTICLE_SCHEMA_VERSION, articleSchema } from '../../../../../src/shared/model/Article';
import { checkArticle } from '../../../../../src/shared/publishChecks/checkArticle';
import { useTempDataDir } from './tempDataDir';

// Migration 2 → 3: the publish checks' fields (slug, checkOverrides).
const newDataDir = useTempDataDir();
const FIXTURE = join(import.meta.dirname, 'fixtures', 'article-v2-returned.json');
const read = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;

describe('migrateArticle v2 → v3', () => {
  it('the v2 fixture is of the old shape: version 2, lifecycle fields, no slug or overrides, refused as is', async () => {
    const doc = await read();
    expect(doc).toMatchObject({ schemaVersion: 2, state: 'returned', returnNote: expect.any(String) });
    expect(doc).not.toHaveProperty('slug');
    expect(doc).not.toHaveProperty('checkOverrides');
    expect(articleSchema.safeParse(doc).success).toBe(false);
  });

  it('gains no slug of its own (the title’s is used) and no overrides, keeping everything else', async () => {
    const doc = await read();
    const migrated = articleSchema.parse(migrateArticle(doc));
    expect(migrated).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, slug: '', checkOverrides: [], state: 'returned', returnNote: doc.returnNote, contentRev: 8, rev: 9 });
    // What the checklist says of it: the slug folded from the title, nothing overridden.
    expect(checkArticle(migrated, migrated.checkOverrides).map((issue) => [issue.code, issue.override ?? null])).toEqual([['FEATURED_MISSING', null]]);
  });

  it('the store opens it and writes it back as v3 on the next save', async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    await copyFile(FIXTURE, join(dataDir, 'articles', 'v2-returned-0003.json'));
    const store = await ArticleStore.open(dataDir);
    const saved = await store.save('v2-returned-0003', 9, { slug: 'giao-ban-truc-tuyen' });
    const raw = JSON.parse(await readFile(join(dataDir, 'articles', 'v2-returned-0003.json'), 'utf8')) as Record<string, unknown>;
    expect(raw).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, slug: 'giao-ban-truc-tuyen', checkOverrides: [] });
    expect(saved.returnNote).toBe('Bổ sung ý kiến của người dân.');
    await store.close();
  });
});
