import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { articleSummarySchema, type ArticleSummary } from '../../../shared/model/Article';
import { nodeFileSystem, type FileSystem } from './FileSystem';
import { toStorageError, writeFileDurable } from './writeFileDurable';

// 2: summaries carry createdBy. A snapshot of another version is rebuilt from the articles.
const INDEX_VERSION = 2;
const COMPACT_AFTER_LINES = 2_000;
/** Documents read at once when the index is rebuilt. */
const READ_CONCURRENCY = 16;

const indexFileSchema = z.object({
  version: z.literal(INDEX_VERSION),
  summaries: z.array(articleSummarySchema),
});
// The snapshot carries the sha256 of its `summaries` text, written first so a reader finds it
// without parsing. A match proves the file is exactly what `compact` wrote from summaries already
// validated, so `load` skips validating 10,000 of them one by one (the bulk of a start's time).
// Anything else (no hash, a mismatch, a hand edit) takes the validating path.
const CLOSING_BRACE = 0x7d;
const TRUSTED_SNAPSHOT_HEAD = new RegExp(`^\\{"version":${INDEX_VERSION},"sha256":"([0-9a-f]{64})","summaries":`);
// `writing` is appended before an article's document is written and cleared by the `put` after
// it: a marker left unmatched (crash, or a full disk between the two) tells `load` to re-read that
// one document, so the index never keeps a stale summary after a crash.
const journalLineSchema = z.union([
  z.object({ put: articleSummarySchema }),
  z.object({ del: z.string() }),
  z.object({ writing: z.string() }),
]);

export interface IndexSource {
  /** Ids of the article documents on disk. */
  listIds(): Promise<string[]>;
  /** The summary of one article read from its document, or null if it could not be read. */
  readSummary(id: string): Promise<ArticleSummary | null>;
}

/**
 * Summaries of all articles, for the queue. Derived data: `index.json` is a snapshot and
 * `index.journal` an append-only log of changes since, so a save costs one small append however
 * many articles exist. Both are rebuilt from `articles/` when missing or damaged.
 */
export class ArticleIndex {
  private readonly summaries = new Map<string, ArticleSummary>();
  private journalLines = 0;
  private compacting = false;
  /** `list()`'s answer, kept until the next change: the queue re-lists after every save. */
  private sorted: ArticleSummary[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Ids with a `writing` marker in the journal and no `put` yet; kept across compaction. */
  private readonly unsettled = new Set<string>();

  private constructor(
    private readonly dataDir: string,
    private readonly fs: FileSystem,
  ) {}

  static async load(dataDir: string, source: IndexSource, fs: FileSystem = nodeFileSystem): Promise<ArticleIndex> {
    const index = new ArticleIndex(dataDir, fs);
    let dirty = !(await index.readSnapshot());
    dirty = (await index.replayJournal()) || dirty;
    dirty = (await index.resettle(source)) || dirty;
    dirty = (await index.reconcile(source)) || dirty;
    if (dirty) await index.compact();
    return index;
  }

  get size(): number {
    return this.summaries.size;
  }

  get(id: string): ArticleSummary | undefined {
    return this.summaries.get(id);
  }

  /** Newest first: the order a newsroom reads its queue in. */
  list(): ArticleSummary[] {
    // Code-unit order, not localeCompare: the stamps are ASCII ISO strings, and ICU collation
    // made this sort ~100 ms at 10,000 articles.
    this.sorted ??= [...this.summaries.values()].sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
    );
    return this.sorted.slice();
  }

  /** Journals that `id`'s document is about to be written; call before writing it. */
  beginWrite(id: string): Promise<void> {
    // Added first: a compaction queued behind this append must already carry the marker over.
    // A marker that failed to append costs at most one extra re-read at the next load.
    this.unsettled.add(id);
    return this.append({ writing: id });
  }

  put(summary: ArticleSummary): Promise<void> {
    this.summaries.set(summary.id, summary);
    this.sorted = null;
    return this.append({ put: summary }).then(() => {
      this.unsettled.delete(summary.id);
    });
  }

  delete(id: string): Promise<void> {
    this.summaries.delete(id);
    this.unsettled.delete(id);
    this.sorted = null;
    return this.append({ del: id });
  }

  /** Writes the snapshot and empties the journal. Idempotent if interrupted between the two. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      // In list order: loaded back in that order, the first `list()` sorts an already sorted
      // array, which V8's TimSort does in one pass.
      const summaries = JSON.stringify(this.list());
      const sha256 = createHash('sha256').update(summaries).digest('hex');
      const snapshot = `{"version":${INDEX_VERSION},"sha256":"${sha256}","summaries":${summaries}}`;
      await writeFileDurable(this.snapshotFile, snapshot, this.fs);
      // Markers of writes still in flight survive compaction, or a crash right after would lose them.
      const markers = [...this.unsettled].map((id) => `${JSON.stringify({ writing: id })}\n`).join('');
      await this.fs.writeFile(this.journalFile, markers).catch((error: unknown) => {
        throw toStorageError(error, this.journalFile);
      });
      this.journalLines = this.unsettled.size;
    });
  }

  /** Waits for pending journal writes (used on close). */
  flush(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  private get snapshotFile(): string {
    return join(this.dataDir, 'index.json');
  }

  private get journalFile(): string {
    return join(this.dataDir, 'index.journal');
  }

  private append(line: z.infer<typeof journalLineSchema>): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.fs.appendFile(this.journalFile, `${JSON.stringify(line)}\n`);
      } catch (error) {
        throw toStorageError(error, this.journalFile);
      }
      this.journalLines += 1;
    }).then(() => {
      if (this.journalLines < COMPACT_AFTER_LINES || this.compacting) return;
      // Not awaited: a compaction rewrites every summary (~100 ms at 10,000 articles) and must
      // not land on the one save that happens to trigger it. The queue still orders it before
      // any later append. If it fails, the journal just stays long and the next append retries.
      this.compacting = true;
      void this.compact()
        .catch((error: unknown) => console.warn('[newsdesk] index compaction failed; retried later', error))
        .finally(() => {
          this.compacting = false;
        });
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Returns false if the snapshot is missing or damaged (it will be rewritten). */
  private async readSnapshot(): Promise<boolean> {
    try {
      const bytes = await this.fs.readBytes(this.snapshotFile);
      const trusted = trustedSummaries(bytes);
      if (trusted) {
        for (const summary of trusted) this.summaries.set(summary.id, summary);
        return true;
      }
      const parsed = indexFileSchema.safeParse(JSON.parse(utf8.decode(bytes)));
      if (!parsed.success) return false;
      for (const summary of parsed.data.summaries) this.summaries.set(summary.id, summary);
      // Valid but unhashed (an older snapshot, or edited): rewritten so the next start is fast.
      return false;
    } catch {
      return false;
    }
  }

  /** Applies complete, valid journal lines; a torn last line (crash mid-append) is ignored. */
  private async replayJournal(): Promise<boolean> {
    let text: string;
    try {
      text = await this.fs.readFile(this.journalFile);
    } catch {
      return false;
    }
    // A damaged line (a torn last append) also makes the journal dirty: compaction must truncate
    // it, or the next append would be glued onto the fragment and lost with it.
    let changed = false;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let parsed;
      try {
        parsed = journalLineSchema.safeParse(JSON.parse(raw));
      } catch {
        changed = true;
        continue;
      }
      changed = true;
      if (!parsed.success) continue;
      if ('put' in parsed.data) {
        this.summaries.set(parsed.data.put.id, parsed.data.put);
        this.unsettled.delete(parsed.data.put.id);
      } else if ('del' in parsed.data) {
        this.summaries.delete(parsed.data.del);
        this.unsettled.delete(parsed.data.del);
      } else {
        this.unsettled.add(parsed.data.writing);
      }
    }
    return changed;
  }

  /** Re-reads the documents whose write was interrupted: the journal cannot say which side won. */
  private async resettle(source: IndexSource): Promise<boolean> {
    if (this.unsettled.size === 0) return false;
    for (const id of this.unsettled) {
      const summary = await source.readSummary(id);
      if (summary) this.summaries.set(id, summary);
      else this.summaries.delete(id);
    }
    this.unsettled.clear();
    return true;
  }

  /** Adds articles the index does not know and drops entries whose document is gone. */
  private async reconcile(source: IndexSource): Promise<boolean> {
    const ids = new Set(await source.listIds());
    let changed = false;
    for (const id of [...this.summaries.keys()]) {
      if (!ids.has(id)) {
        this.summaries.delete(id);
        changed = true;
      }
    }
    const missing = [...ids].filter((id) => !this.summaries.has(id));
    // Several reads in flight: one after another, rebuilding the index of 10,000 articles (first
    // start, or a damaged index.json) spent most of its ~9 s waiting on each call in turn.
    await forEachLimited(missing, READ_CONCURRENCY, async (id) => {
      const summary = await source.readSummary(id);
      if (summary) this.summaries.set(id, summary);
    });
    return changed || missing.length > 0;
  }
}

const utf8 = new TextDecoder();

/**
 * The summaries of a snapshot whose hash matches its content, or null (then: validate). Works on
 * the bytes as stored: the hash covers them directly, and only the summaries are decoded, once.
 */
function trustedSummaries(bytes: Uint8Array): ArticleSummary[] | null {
  const head = TRUSTED_SNAPSHOT_HEAD.exec(utf8.decode(bytes.subarray(0, 120)));
  if (!head || bytes[bytes.length - 1] !== CLOSING_BRACE) return null;
  // The head is ASCII, so its length in characters is its length in bytes.
  const summaries = bytes.subarray(head[0].length, bytes.length - 1);
  if (createHash('sha256').update(summaries).digest('hex') !== head[1]) return null;
  return JSON.parse(utf8.decode(summaries)) as ArticleSummary[];
}

/** Runs `task` for every item, at most `limit` at a time; rejects with the first failure. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
