import { randomUUID } from 'node:crypto';
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
import type { CheckOverride } from '../../../shared/model/CheckOverride';
import type { StoreNotice } from '../../../shared/model/StoreNotice';
import { countWords } from '../../../shared/text/countWords';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import { ArticleIndex } from './ArticleIndex';
import { DamagedFileError } from './DamagedFileError';
import { DurableJsonFile } from './DurableJsonFile';
import { errnoOf, nodeFileSystem, type FileSystem } from './FileSystem';
import { migrateArticle } from './migrateArticle';
import { QuarantineLog } from './QuarantineLog';
import { TEMP_SUFFIX, toStorageError } from './writeFileDurable';

export type ArticlesChanged = { ids: string[]; reason: 'created' | 'saved' | 'deleted' | 'reloaded' | 'transitioned' | 'overridden' };

/** The lifecycle fields a state change writes (decided by src/shared/model/lifecycle.ts). */
export type StateChange = Pick<Article, 'state' | 'returnNote' | 'spikedFrom'>;

export interface ArticleStoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Every file-system call goes through this; tests inject faults (ENOSPC, EROFS, EACCES). */
  fs?: FileSystem;
}

/**
 * The local copy of every article: one lowdb document per article in `articles/<id>.json`,
 * plus a derived index of summaries. Writes to one article are serialised; writes to different
 * articles run independently. A save reads and writes one document, whatever the store's size.
 */
export class ArticleStore {
  readonly changes = new Emitter<ArticlesChanged>();
  /** Every article as written, after create and save (history snapshots listen here). */
  readonly written = new Emitter<Article>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  readonly fs: FileSystem;

  private constructor(
    readonly dataDir: string,
    private readonly index: ArticleIndex,
    private readonly quarantineLog: QuarantineLog,
    options: ArticleStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
    this.fs = options.fs ?? nodeFileSystem;
  }

  static async open(dataDir: string, options: ArticleStoreOptions = {}): Promise<ArticleStore> {
    const fs = options.fs ?? nodeFileSystem;
    const articlesDir = join(dataDir, 'articles');
    try {
      await fs.mkdir(articlesDir);
    } catch (error) {
      throw toStorageError(error, articlesDir);
    }
    // One listing of articles/ serves the temp-file sweep and the index's reconcile (at 10,000
    // files each listing costs ~10 ms), and it runs while the index snapshot is read.
    const listing = fs.readdir(articlesDir).then(
      async (names) => {
        await sweepTempFiles(fs, articlesDir, names);
        return articleIdsOf(names);
      },
      (error: unknown) => {
        throw toStorageError(error, articlesDir);
      },
    );
    // Awaited below (by reconcile, or here after a failed load); this only keeps a rejection that
    // comes before then from counting as unhandled and ending the process.
    listing.catch(() => undefined);
    const quarantineLog = await QuarantineLog.load(dataDir, fs, options.now ?? (() => new Date()));
    const index = await ArticleIndex.load(
      dataDir,
      {
        listIds: () => listing,
        readSummary: async (id) => {
          try {
            return summarize(await readArticle(fs, articlesDir, id));
          } catch (error) {
            if (error instanceof NewsdeskError && error.code === 'NOT_FOUND') return null;
            // Only damage is quarantined; an unreadable disk (EACCES, EIO) must fail loudly
            // instead of moving good articles away.
            if (!(error instanceof DamagedFileError)) throw error;
            await quarantineLog.quarantine(error.file, error.reason);
            return null;
          }
        },
      },
      fs,
    );
    return new ArticleStore(dataDir, index, quarantineLog, options);
  }

  /** Quarantine notices not yet dismissed, oldest first. */
  notices(): StoreNotice[] {
    return this.quarantineLog.list();
  }

  /** Returns false if there was no such notice. */
  dismissNotice(id: string): Promise<boolean> {
    return this.quarantineLog.dismiss(id);
  }

  /** Fires when a file is quarantined while the app runs (damage found on `get`). */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    return this.quarantineLog.added.on(listener);
  }

  get count(): number {
    return this.index.size;
  }

  list(): ArticleSummary[] {
    return this.index.list();
  }

  /** The summaries of those of `ids` that exist, in the order given. */
  summariesOf(ids: readonly string[]): ArticleSummary[] {
    return ids.flatMap((id) => {
      const summary = this.index.get(id);
      return summary ? [summary] : [];
    });
  }

  /** `createdBy`: the current profile's name, the writer the lifecycle's "own draft" rules name. */
  async create(fields: Partial<ArticleEditable> = {}, origin: { createdBy?: string } = {}): Promise<Article> {
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
        slug: '',
        checkOverrides: [],
        state: 'draft',
        createdAt: stamp,
        updatedAt: stamp,
        ...fields,
        ...(origin.createdBy ? { createdBy: origin.createdBy } : {}),
      }),
    );
    await this.withLock(id, () => this.write(article));
    this.changes.emit({ ids: [id], reason: 'created' });
    this.written.emit(article);
    return article;
  }

  /**
   * A document found damaged here (edited by hand, a disk error after open) is quarantined with a
   * notice and reported as ARTICLE_DAMAGED; the rest of the store is unaffected.
   */
  async get(id: string): Promise<Article> {
    if (!this.index.get(id)) throw new NewsdeskError('NOT_FOUND', { id });
    try {
      return await readArticle(this.fs, this.articlesDir, id);
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      const notice = await this.quarantineLog.quarantine(error.file, error.reason);
      await this.index.delete(id).catch(() => undefined);
      this.changes.emit({ ids: [id], reason: 'deleted' });
      throw new NewsdeskError('ARTICLE_DAMAGED', { id, reason: error.reason, movedTo: notice?.movedTo ?? null });
    }
  }

  /**
   * Applies `changes` to the stored article if it is still at `baseRev`. A different rev means
   * another window or a sync wrote in between: that is a CONFLICT for the caller to resolve,
   * never a silent overwrite.
   */
  async save(id: string, baseRev: number, changes: Partial<ArticleEditable>): Promise<Article> {
    const saved = await this.withLock(id, async () => {
      const current = await this.get(id);
      // Revs made only by state changes (setState) do not conflict with an edit: the writer's
      // base still holds the current content, and the save keeps the new state.
      const contentRev = current.contentRev ?? current.rev;
      if (current.rev !== baseRev && !(baseRev >= contentRev && baseRev < current.rev)) {
        throw new NewsdeskError('CONFLICT', { id, baseRev, currentRev: current.rev });
      }
      const next = articleSchema.parse({
        ...current,
        ...normalizeDeep(changes),
        rev: current.rev + 1,
        contentRev: current.rev + 1,
        updatedAt: this.now().toISOString(),
      });
      await this.write(next);
      return next;
    });
    this.changes.emit({ ids: [id], reason: 'saved' });
    this.written.emit(saved);
    return saved;
  }

  /**
   * Changes an article's lifecycle state. `decide` runs under the article's lock on the stored
   * version, so the decision and the write see the same article; it throws to refuse. A `baseRev`
   * that is not the stored rev is a CONFLICT, as for saves. Bumps rev like any other write.
   */
  async setState(
    id: string,
    decide: (current: Article) => StateChange,
    options: { baseRev?: number | undefined } = {},
  ): Promise<{ before: Article; after: Article }> {
    const result = await this.withLock(id, async () => {
      const before = await this.get(id);
      if (options.baseRev !== undefined && before.rev !== options.baseRev) {
        throw new NewsdeskError('CONFLICT', { id, baseRev: options.baseRev, currentRev: before.rev });
      }
      const change = decide(before);
      const { returnNote: _note, spikedFrom: _from, ...rest } = before;
      const after = articleSchema.parse({
        ...rest,
        state: change.state,
        // The content is unchanged: a save based on any rev from here to the new one still applies.
        contentRev: before.contentRev ?? before.rev,
        ...(change.returnNote !== undefined ? { returnNote: change.returnNote } : {}),
        ...(change.spikedFrom !== undefined ? { spikedFrom: change.spikedFrom } : {}),
        rev: before.rev + 1,
        updatedAt: this.now().toISOString(),
      });
      await this.write(after);
      return { before, after };
    });
    this.changes.emit({ ids: [id], reason: 'transitioned' });
    return result;
  }

  /**
   * Replaces the article's check overrides with what `decide` returns, deciding on the stored
   * version under the article's lock, as setState does (it throws to refuse). No content change:
   * rev moves, contentRev stays, so the open editor's next save still applies, and sync (which
   * listens for saves and transitions) has nothing to push.
   */
  async setOverrides(
    id: string,
    decide: (current: Article) => CheckOverride[],
    options: { baseRev?: number | undefined } = {},
  ): Promise<Article> {
    const after = await this.withLock(id, async () => {
      const before = await this.get(id);
      if (options.baseRev !== undefined && before.rev !== options.baseRev) {
        throw new NewsdeskError('CONFLICT', { id, baseRev: options.baseRev, currentRev: before.rev });
      }
      const next = articleSchema.parse({
        ...before,
        checkOverrides: decide(before),
        contentRev: before.contentRev ?? before.rev,
        rev: before.rev + 1,
        updatedAt: this.now().toISOString(),
      });
      await this.write(next);
      return next;
    });
    this.changes.emit({ ids: [id], reason: 'overridden' });
    return after;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.locks.values()]);
    await this.index.flush();
  }

  private get articlesDir(): string {
    return join(this.dataDir, 'articles');
  }

  /**
   * The document is the truth; the index only follows it. So: marker, document, summary. A failure
   * before the document is written fails the save with nothing changed; a failure after it (the
   * journal append) does not, because the save did happen and the marker makes the next open
   * re-read this document. Failing it would make the editor retry on a stale rev (a CONFLICT).
   */
  private async write(article: Article): Promise<void> {
    await this.index.beginWrite(article.id);
    const file = new DurableJsonFile<Article>(articleFile(this.articlesDir, article.id), this.fs);
    const db = new Low<Article>(file, article);
    await db.write();
    await this.index.put(summarize(article)).catch((error: unknown) => {
      console.warn('[newsdesk] index not updated; it is repaired at next start', errnoOf(error) ?? error);
    });
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
    ...(article.createdBy ? { createdBy: article.createdBy } : {}),
  };
}

function articleFile(articlesDir: string, id: string): string {
  return join(articlesDir, `${id}.json`);
}

/** Throws DamagedFileError for a document that is cut short, not JSON, or not an article. */
async function readArticle(fs: FileSystem, articlesDir: string, id: string): Promise<Article> {
  const file = articleFile(articlesDir, id);
  const db = new Low<unknown>(new DurableJsonFile<unknown>(file, fs), null);
  await db.read();
  if (db.data === null) throw new NewsdeskError('NOT_FOUND', { id });
  const parsed = articleSchema.safeParse(migrateArticle(db.data));
  if (!parsed.success || parsed.data.id !== id) {
    const version = (db.data as { schemaVersion?: unknown } | null)?.schemaVersion;
    const newer = typeof version === 'number' && version > ARTICLE_SCHEMA_VERSION;
    throw new DamagedFileError(file, newer ? 'newer-version' : 'wrong-schema');
  }
  return parsed.data;
}

function articleIdsOf(names: readonly string[]): string[] {
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -5));
}

async function sweepTempFiles(fs: FileSystem, dir: string, names: readonly string[]): Promise<void> {
  await Promise.all(
    names.filter((name) => name.endsWith(TEMP_SUFFIX)).map((name) => fs.rm(join(dir, name), { force: true })),
  );
}
