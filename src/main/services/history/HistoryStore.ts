import { join } from 'node:path';
import { z } from 'zod';
import { plainTextOf } from '../../../shared/content/plainTextOf';
import { NewsdeskError } from '../../../shared/errors';
import { articleIdSchema, articleSchema, type Article, type ArticleEditable } from '../../../shared/model/Article';
import {
  historyReasonSchema,
  type HistoryReason,
  type HistorySnapshot,
  type HistoryVersion,
} from '../../../shared/model/HistoryVersion';
import { countWords } from '../../../shared/text/countWords';
import type { ArticleStore } from '../store/ArticleStore';
import { DamagedFileError, parseJsonOrDamaged } from '../store/DamagedFileError';
import { errnoOf, type FileSystem } from '../store/FileSystem';
import { migrateArticle } from '../store/migrateArticle';
import { toStorageError, writeFileDurable } from '../store/writeFileDurable';

/** At most one automatic snapshot per this much editing time. */
export const EDIT_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
const SNAPSHOT_FILE_VERSION = 1;

const snapshotFileSchema = z.object({
  version: z.literal(SNAPSHOT_FILE_VERSION),
  rev: z.number().int().nonnegative(),
  reason: historyReasonSchema,
  savedAt: z.iso.datetime({ offset: true }),
  restoredFrom: z.number().int().nonnegative().nullable(),
  // Validated after migration, so snapshots survive article schema bumps.
  article: z.unknown(),
});

/** Fields a restore brings back; lifecycle state, rev and timestamps stay the present's. */
const RESTORED_FIELDS = [
  'title',
  'lead',
  'body',
  'byline',
  'dateline',
  'category',
  'tags',
  'publishAt',
  'featuredAssetId',
] as const satisfies readonly (keyof ArticleEditable)[];

export interface HistoryStoreOptions {
  now?: () => Date;
}

/**
 * Versions of each article in `history/<id>/<rev>.json`, written durably. Nothing here is ever
 * deleted or overwritten with other content: a rev names one content, and a restore is a new rev.
 * Listing reads the folder: a few hundred small files at most per article, and no derived index to
 * drift out of step after a crash.
 */
export class HistoryStore {
  private readonly now: () => Date;
  private readonly fs: FileSystem;
  private readonly lastSnapshotAt = new Map<string, number>();
  private pending: Promise<unknown> = Promise.resolve();
  /** Snapshot writes run one at a time, so "is this rev kept already?" and the write cannot interleave. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly articles: ArticleStore,
    options: HistoryStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.fs = articles.fs;
  }

  /** Takes an `edit` snapshot on save when the last one is ≥10 minutes old. Returns unsubscribe. */
  attach(): () => void {
    return this.articles.written.on((article) => {
      const run = this.pending.then(() => this.noteSaved(article));
      // A failed periodic snapshot must not break saving; the next save tries again.
      this.pending = run.catch((error: unknown) => {
        console.warn('[newsdesk] history snapshot skipped', errnoOf(error) ?? error);
      });
    });
  }

  /** Resolves when snapshots triggered by `attach` so far are written (tests, shutdown). */
  async idle(): Promise<void> {
    await this.pending;
  }

  /**
   * The periodic rule: the first save after creation is kept, then one save per ten minutes
   * (by the injected clock) of editing.
   */
  async noteSaved(article: Article): Promise<HistoryVersion | null> {
    // A just-created article holds nothing worth keeping; its first real save does.
    if (article.rev <= 1) return null;
    const last = await this.lastSnapshotTime(article.id);
    if (last !== null && this.now().getTime() - last < EDIT_SNAPSHOT_INTERVAL_MS) return null;
    return this.snapshot(article, 'edit');
  }

  /**
   * Keeps `article` as a version. Called by the lifecycle at every state change (`submit`,
   * `state`), by sync when the portal accepted a version (`sync`), and by restore. A rev already
   * kept is not written again, except that a periodic `edit` entry gives way to a named reason.
   */
  snapshot(article: Article, reason: HistoryReason, restoredFrom: number | null = null): Promise<HistoryVersion> {
    const run = this.writes.then(() => this.writeSnapshot(article, reason, restoredFrom));
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async writeSnapshot(
    article: Article,
    reason: HistoryReason,
    restoredFrom: number | null,
  ): Promise<HistoryVersion> {
    const existing = await this.readSnapshot(article.id, article.rev).catch(() => null);
    if (existing && (existing.reason !== 'edit' || reason === 'edit')) return versionOf(existing);
    const savedAt = this.now().toISOString();
    const dir = this.dirOf(article.id);
    try {
      await this.fs.mkdir(dir);
    } catch (error) {
      throw toStorageError(error, dir);
    }
    const file = { version: SNAPSHOT_FILE_VERSION, rev: article.rev, reason, savedAt, restoredFrom, article };
    await writeFileDurable(join(dir, `${article.rev}.json`), JSON.stringify(file), this.fs);
    this.lastSnapshotAt.set(article.id, Date.parse(savedAt));
    return versionOf({ rev: article.rev, reason, savedAt, restoredFrom, wordCount: wordCountOf(article), article });
  }

  /** Newest first. Damaged snapshot files are skipped (they are history, not the article). */
  async list(id: string): Promise<HistoryVersion[]> {
    const revs = await this.revs(id);
    const versions: HistoryVersion[] = [];
    for (const rev of revs) {
      const snapshot = await this.readSnapshot(id, rev).catch((error: unknown) => {
        if (error instanceof DamagedFileError) return null;
        throw error;
      });
      if (snapshot) versions.push(versionOf(snapshot));
    }
    return versions.sort((a, b) => b.rev - a.rev);
  }

  async get(id: string, rev: number): Promise<HistorySnapshot> {
    const snapshot = await this.readSnapshot(id, rev).catch((error: unknown) => {
      if (error instanceof DamagedFileError) throw new NewsdeskError('NOT_FOUND', { id, rev, reason: error.reason });
      throw error;
    });
    if (!snapshot) throw new NewsdeskError('NOT_FOUND', { id, rev });
    return snapshot;
  }

  /**
   * Makes the content of version `rev` the article's newest version. The version it replaces is
   * kept first, so a restore destroys nothing and can itself be undone by another restore.
   * `baseRev` is the rev the user was looking at: a different stored rev is a CONFLICT.
   */
  async restore(id: string, rev: number, baseRev: number): Promise<Article> {
    const old = await this.get(id, rev);
    const current = await this.articles.get(id);
    if (current.rev !== baseRev) throw new NewsdeskError('CONFLICT', { id, baseRev, currentRev: current.rev });
    await this.snapshot(current, 'before-restore');
    const changes: Partial<ArticleEditable> = {};
    for (const field of RESTORED_FIELDS) (changes as Record<string, unknown>)[field] = old.article[field];
    const restored = await this.articles.save(id, baseRev, changes);
    await this.snapshot(restored, 'restore', rev);
    return restored;
  }

  private dirOf(id: string): string {
    // Ids are validated by the contract, but history paths are built here: check again.
    if (!articleIdSchema.safeParse(id).success) throw new NewsdeskError('VALIDATION', { id: 'invalid' });
    return join(this.articles.dataDir, 'history', id);
  }

  private async revs(id: string): Promise<number[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dirOf(id));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw toStorageError(error, this.dirOf(id));
    }
    return names.filter((name) => /^\d+\.json$/.test(name)).map((name) => Number(name.slice(0, -5)));
  }

  private async lastSnapshotTime(id: string): Promise<number | null> {
    const cached = this.lastSnapshotAt.get(id);
    if (cached !== undefined) return cached;
    const versions = await this.list(id);
    const newest = versions.reduce<number | null>((max, v) => Math.max(max ?? 0, Date.parse(v.savedAt)), null);
    if (newest !== null) this.lastSnapshotAt.set(id, newest);
    return newest;
  }

  private async readSnapshot(id: string, rev: number): Promise<HistorySnapshot | null> {
    const file = join(this.dirOf(id), `${rev}.json`);
    let text: string;
    try {
      text = await this.fs.readFile(file);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw toStorageError(error, file);
    }
    const parsed = snapshotFileSchema.safeParse(parseJsonOrDamaged(text, file));
    if (!parsed.success) throw new DamagedFileError(file, 'wrong-schema');
    const article = articleSchema.safeParse(migrateArticle(parsed.data.article));
    if (!article.success || article.data.id !== id || parsed.data.rev !== rev) {
      throw new DamagedFileError(file, 'wrong-schema');
    }
    const { version: _version, ...rest } = parsed.data;
    return { ...rest, wordCount: wordCountOf(article.data), article: article.data };
  }
}

function versionOf(snapshot: HistorySnapshot): HistoryVersion {
  const { article: _article, ...version } = snapshot;
  return version;
}

function wordCountOf(article: Article): number {
  return countWords(`${article.title}\n${article.lead}\n${plainTextOf(article.body)}`);
}
