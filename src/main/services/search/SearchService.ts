// Full-text search over the local store. Libraries compared in bench/cases/searchLibraries.ts
// (10,000 generated articles of ~860 words, 34 queries: syllables, two-syllable phrases with and
// without marks, prefixes while typing; top 20; 2 cores shared with other jobs, so absolute numbers
// swing with load: first figure from a quiet run, second from one at load average ~15):
//   linear scan (floor) p95 0.2 ms stopping at 20 hits / 496 ms ranking all, heap 72 MB
//   FlexSearch  query p50 0.17 / 0.17 ms, p95 1.4 / 20 ms, heap 43 MB, build 25 / 70 s ("forward")
//   MiniSearch  query p50 63 / 364 ms, p95 1,272 / 6,027 ms (BM25 over every match), heap 138 MB, build 19 / 126 s
//   Orama       indexed only 2,750 of 10,000 articles in 150 s; p50 251 ms, p95 1,777 ms on those
// FlexSearch was the only library inside the 10 ms budget, but this service on it held ~155–167 MB
// (a prefix-tokenised folded index plus a second, exact-spelling index) and its p95 was 16–19 ms.
// It now runs on its own SearchIndex (SearchIndex.ts): one posting per (folded syllable, article)
// in typed arrays, the last query syllable as a prefix through a sorted vocabulary, exact spelling
// from one bit per posting plus small lists of marked syllables; the indexed text is kept (UTF-16,
// off the JS heap) for snippets, so no store reads; snippets only for the returned hits.
// Before → after, bench/cases/searchQuery.ts, the two run back to back (load average ~3.5; the
// linear-scan floor in the same runs p50 19.8 / 18.7 ms, p95 40.3 / 39.0 ms):
//   query p50 8.3 → 2.9 ms, p95 15.5 → 4.5 ms (p95 / floor 0.38 → 0.12); first run of each query
//   (cold) p95 19.3 → 19.0 ms; build 29 → 17 s; save → searchable p95 19 → 3.7 ms; longest
//   event-loop stall during the build 38 → 57 ms (budget 100); index memory, heap + array
//   buffers, 155 → 122 MB (~47 MB postings, ~70 MB text); host RSS once settled (storeSettled.ts)
//   362 → 232 MB.
// The build starts once the queue is listed (app.ts) or after 2 s, not during the host's start.
//
// Diacritics: matching is on folded syllables (foldVietnamese: "Cửa Lò" → "cua lo"); the articles
// that also spell the query as typed come first. So "cua lo" finds "Cửa Lò" and "Cua Lo", and
// "Cửa Lò" ranks the articles that say "Cửa Lò" above those that say "Cua Lo". Ranking within:
// the best field a syllable occurs in (title first), then how often.
import { isNewsdeskError } from '../../../shared/errors';
import type { Article } from '../../../shared/model/Article';
import type { SearchHit, SearchResult } from '../../../shared/model/SearchHit';
import { tokenizeVietnamese } from '../../../shared/text/tokenizeVietnamese';
import { buildSnippets } from './buildSnippets';
import { SearchIndex } from './SearchIndex';
import { searchableFieldsOf, type SearchableFields } from './searchableFields';

/** What search needs of the store: ArticleStore satisfies it; tests and benches may pass their own. */
export interface SearchSource {
  list(): { id: string }[];
  get(id: string): Promise<Article>;
  readonly changes: { on(listener: (change: { ids: string[]; reason: string }) => void): () => void };
  /**
   * Every article as written by a create or save, emitted in the same turn as its change: indexed
   * at once from it, so a query the change notice prompts never finds the old text.
   */
  readonly written?: { on(listener: (article: Article) => void): () => void };
}

export interface SearchServiceOptions {
  /** Articles read and indexed per turn of the event loop during the initial build. */
  batchSize?: number;
  /**
   * Wait for `startBuilding()` (the host calls it once the queue is listed), or this many ms,
   * before the initial build: a build at once competes with the host's start for the CPU.
   * Absent: the build starts at once.
   */
  startAfterMs?: number;
}

/** Longest stretch the initial build holds the event loop (the window stays responsive). */
const SLICE_MS = 12;

export class SearchService {
  private readonly index = new SearchIndex();
  /** Every index change runs in this chain, so a save during the initial build is never undone by it. */
  private queue: Promise<unknown> = Promise.resolve();
  private building = true;
  private closed = false;
  /** Resolves the gate the initial build waits behind. */
  private start: () => void = () => undefined;
  private readonly unsubscribe: () => void;
  readonly ready: Promise<void>;

  constructor(
    private readonly source: SearchSource,
    options: SearchServiceOptions = {},
  ) {
    const written = source.written;
    const unsubscribeChanges = source.changes.on(({ ids, reason }) => {
      if (written && (reason === 'created' || reason === 'saved')) return; // indexed from `written`
      for (const id of ids) void this.enqueue(() => (reason === 'deleted' ? this.remove(id) : this.reindex(id)));
    });
    const unsubscribeWritten = written?.on((article) => {
      if (this.closed) return;
      try {
        this.put(article.id, searchableFieldsOf(article));
      } catch (error) {
        console.error('[newsdesk] search index update failed', error);
      }
    });
    this.unsubscribe = () => {
      unsubscribeChanges();
      unsubscribeWritten?.();
    };
    const batchSize = options.batchSize ?? 10;
    this.ready = new Promise<void>((resolve) => (this.start = resolve)).then(() => this.buildInBackground(batchSize));
    if (options.startAfterMs === undefined) this.startBuilding();
    else setTimeout(() => this.startBuilding(), options.startAfterMs).unref();
  }

  /** Starts the initial build if it has not started yet. */
  startBuilding(): void {
    this.start();
  }

  get size(): number {
    return this.index.size;
  }

  get isIndexing(): boolean {
    return this.building;
  }

  /** Indexes (or re-indexes) one article from its fields; the incremental path and the build share it. */
  put(id: string, fields: SearchableFields): void {
    this.index.put(id, fields);
  }

  async query(q: string, limit = 20): Promise<SearchResult> {
    const tokens = tokenizeVietnamese(q);
    if (tokens.length === 0) return { hits: [], indexing: this.building };
    const foldedTerms = tokens.map((t) => t.folded);
    const ranked = this.index.search(tokens, limit);
    const hits: SearchHit[] = [];
    // Snippets only for the hits returned, from the text the index keeps.
    ranked.forEach(({ id, exact }, i) => {
      const fields = this.index.fieldsOf(id)!;
      hits.push({
        id,
        title: fields.title,
        score: Number((ranked.length - i + (exact ? ranked.length : 0)).toFixed(3)),
        exact,
        snippets: buildSnippets(fields, foldedTerms),
      });
    });
    return { hits, indexing: this.building };
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.start(); // a build never started ends at once (closed)
    await this.queue.catch(() => undefined);
  }

  /** Runs after the current index work; failures are contained (search is derived, never fatal). */
  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(() => (this.closed ? undefined : task()));
    this.queue = run.catch((error: unknown) => {
      if (!isNewsdeskError(error)) console.error('[newsdesk] search index update failed', error);
    });
    return run;
  }

  private async reindex(id: string): Promise<void> {
    try {
      this.put(id, searchableFieldsOf(await this.source.get(id)));
    } catch (error) {
      // Gone (deleted, quarantined) between the event and the read: not searchable any more.
      if (isNewsdeskError(error) && error.code === 'NOT_FOUND') this.remove(id);
      else throw error;
    }
  }

  /**
   * The first build runs in small batches queued behind nothing else: each batch yields to the
   * event loop, so `articles.list` and the first paint never wait for it.
   */
  private async buildInBackground(batchSize: number): Promise<void> {
    const ids = this.source.list().map((summary) => summary.id);
    try {
      for (let i = 0; i < ids.length && !this.closed; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        await this.enqueue(async () => {
          const articles = await Promise.all(batch.map((id) => this.source.get(id).catch(() => null)));
          let slice = performance.now();
          for (const article of articles) {
            if (article && !this.index.has(article.id)) this.put(article.id, searchableFieldsOf(article));
            // An 800-word article takes a few ms to index: hand the loop back every SLICE_MS.
            if (performance.now() - slice > SLICE_MS) {
              await new Promise<void>((resolve) => setImmediate(resolve));
              slice = performance.now();
            }
          }
        }).catch(() => undefined);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.index.sortVocabulary();
      this.building = false;
    }
  }
}
