import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { Emitter } from '../../../shared/Emitter';
import { plainTextOf } from '../../../shared/content/plainTextOf';
import { NewsdeskError } from '../../../shared/errors';
import {
  ARTICLE_SCHEMA_VERSION,
  articleSchema,
  emptyBody,
  type Article,
  type ArticleEditable,
  type ArticleSummary,
} from '../../../shared/model/Article';
import { countWords } from '../../../shared/text/countWords';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import { ArticleIndex } from './ArticleIndex';
import { DurableJsonFile } from './DurableJsonFile';
import { migrateArticle } from './migrateArticle';
import { TEMP_SUFFIX, toStorageError } from './writeFileDurable';

export type ArticlesChanged = { ids: string[]; reason: 'created' | 'saved' | 'deleted' | 'reloaded' };

export interface ArticleStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

/**
 * The local copy of every article: one lowdb document per article in `articles/<id>.json`,
 * plus a derived index of summaries. Writes to one article are serialised; writes to different
 * articles run independently. A save reads and writes one document, whatever the store's size.
 */
export class ArticleStore {
  readonly changes = new Emitter<ArticlesChanged>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  private constructor(
    readonly dataDir: string,
    private readonly index: ArticleIndex,
    options: ArticleStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
  }

  static async open(dataDir: string, options: ArticleStoreOptions = {}): Promise<ArticleStore> {
    const articlesDir = join(dataDir, 'articles');
    try {
      await mkdir(articlesDir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, articlesDir);
    }
    await sweepTempFiles(articlesDir);
    const index = await ArticleIndex.load(dataDir, {
      listIds: () => listArticleIds(articlesDir),
      readSummary: async (id) => {
        try {
          return summarize(await readArticle(articlesDir, id));
        } catch {
          await quarantine(dataDir, id);
          return null;
        }
      },
    });
    return new ArticleStore(dataDir, index, options);
  }

  get count(): number {
    return this.index.size;
  }

  list(): ArticleSummary[] {
    return this.index.list();
  }

  async create(fields: Partial<ArticleEditable> = {}): Promise<Article> {
    const id = this.newId();
    const stamp = this.now().toISOString();
    const article = normalizeDeep(
      articleSchema.parse({
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        id,
        rev: 1,
        title: '',
        lead: '',
        body: emptyBody(),
        byline: '',
        dateline: '',
        category: '',
        tags: [],
        publishAt: null,
        featuredAssetId: null,
        state: 'draft',
        createdAt: stamp,
        updatedAt: stamp,
        ...fields,
      }),
    );
    await this.withLock(id, () => this.write(article));
    this.changes.emit({ ids: [id], reason: 'created' });
    return article;
  }

  async get(id: string): Promise<Article> {
    if (!this.index.get(id)) throw new NewsdeskError('NOT_FOUND', { id });
    return readArticle(this.articlesDir, id);
  }

  /**
   * Applies `changes` to the stored article if it is still at `baseRev`. A different rev means
   * another window or a sync wrote in between: that is a CONFLICT for the caller to resolve,
   * never a silent overwrite.
   */
  async save(id: string, baseRev: number, changes: Partial<ArticleEditable>): Promise<Article> {
    const saved = await this.withLock(id, async () => {
      const current = await this.get(id);
      if (current.rev !== baseRev) {
        throw new NewsdeskError('CONFLICT', { id, baseRev, currentRev: current.rev });
      }
      const next = articleSchema.parse({
        ...current,
        ...normalizeDeep(changes),
        rev: current.rev + 1,
        updatedAt: this.now().toISOString(),
      });
      await this.write(next);
      return next;
    });
    this.changes.emit({ ids: [id], reason: 'saved' });
    return saved;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.locks.values()]);
    await this.index.flush();
  }

  private get articlesDir(): string {
    return join(this.dataDir, 'articles');
  }

  private async write(article: Article): Promise<void> {
    const db = new Low<Article>(new DurableJsonFile<Article>(articleFile(this.articlesDir, article.id)), article);
    await db.write();
    await this.index.put(summarize(article));
  }

  private withLock<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return run;
  }
}

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    rev: article.rev,
    title: article.title,
    byline: article.byline,
    category: article.category,
    state: article.state,
    wordCount: countWords(`${article.title}\n${article.lead}\n${plainTextOf(article.body)}`),
    updatedAt: article.updatedAt,
  };
}

function articleFile(articlesDir: string, id: string): string {
  return join(articlesDir, `${id}.json`);
}

async function readArticle(articlesDir: string, id: string): Promise<Article> {
  const db = new Low<unknown>(new DurableJsonFile<unknown>(articleFile(articlesDir, id)), null);
  await db.read();
  if (db.data === null) throw new NewsdeskError('NOT_FOUND', { id });
  return articleSchema.parse(migrateArticle(db.data));
}

async function listArticleIds(articlesDir: string): Promise<string[]> {
  const names = await readdir(articlesDir);
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -5));
}

async function sweepTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(
    names.filter((name) => name.endsWith(TEMP_SUFFIX)).map((name) => rm(join(dir, name), { force: true })),
  );
}

/** Moves an unreadable document aside so every other article still loads; nothing is deleted. */
async function quarantine(dataDir: string, id: string): Promise<void> {
  const target = join(dataDir, 'quarantine');
  await mkdir(target, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await rename(join(dataDir, 'articles', `${id}.json`), join(target, `${id}.${stamp}.json`));
}
