// Full-text search over the local store, on FlexSearch. Chosen by bench/cases/searchLibraries.ts
// (10,000 generated articles of ~860 words, 34 queries: syllables, two-syllable phrases with and
// without marks, prefixes while typing; top 20; 2 cores shared with other jobs, so absolute numbers
// swing with load: first figure from a quiet run, second from one at load average ~15):
//   linear scan (floor) p95 0.2 ms stopping at 20 hits / 496 ms ranking all, heap 72 MB
//   FlexSearch  query p50 0.17 / 0.17 ms, p95 1.4 / 20 ms, heap 43 MB, build 25 / 70 s ("forward")
//   MiniSearch  query p50 63 / 364 ms, p95 1,272 / 6,027 ms (BM25 over every match), heap 138 MB, build 19 / 126 s
//   Orama       indexed only 2,750 of 10,000 articles in 150 s; p50 251 ms, p95 1,777 ms on those
// This service (bench/cases/searchQuery.ts, load average ~5): query p50 9.5 ms, p95 19 ms with
// snippets (linear scan floor p50 23 ms, p95 42 ms); background build 34 s, longest event-loop
// stall 41 ms, articles.list p95 0.03 ms during it; save → searchable p95 18 ms; heap +155 MB.
// FlexSearch is the only library inside the 10 ms budget; it updates and removes one document in place
// (fastupdate) and exports/imports its index. It has no BM25 field boosts: the fields are indexed
// in order of importance and its ranking favours early positions, so title matches lead.
//
// Diacritics: one index holds folded syllables (foldVietnamese: "Cửa Lò" → "cua lo"), with
// prefixes, for matching; a second, whole-syllable index holds syllables as written (lower case,
// marks kept). A query matches on the folded index; the documents that also hold the query as
// typed in the second index come first. So "cua lo" finds "Cửa Lò" and "Cua Lo", and "Cửa Lò"
// ranks the documents that say "Cửa Lò" above those that say "Cua Lo".
import { Index as FlexIndex } from 'flexsearch';
import { isNewsdeskError } from '../../../shared/errors';
import type { Article } from '../../../shared/model/Article';
import type { SearchHit, SearchResult } from '../../../shared/model/SearchHit';
import { foldVietnamese } from '../../../shared/text/foldVietnamese';
import { tokenizeVietnamese } from '../../../shared/text/tokenizeVietnamese';
import { buildSnippets } from './buildSnippets';
import { SEARCH_FIELDS, searchableFieldsOf, type SearchableFields } from './searchableFields';

/** What search needs of the store: ArticleStore satisfies it; tests and benches may pass their own. */
export interface SearchSource {
  list(): { id: string }[];
  get(id: string): Promise<Article>;
  readonly changes: { on(listener: (change: { ids: string[]; reason: string }) => void): () => void };
}

export interface SearchServiceOptions {
  /** Articles read and indexed per turn of the event loop during the initial build. */
  batchSize?: number;
}

/** How many folded matches are ranked (exact ones first) before the top `limit` are taken. */
const CANDIDATES = 400;
/** Longest stretch the initial build holds the event loop (the window stays responsive). */
const SLICE_MS = 12;
/** Articles whose text search keeps for snippets (~10 KB each). */
const RECENT_MAX = 300;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const splitWords = (text: string): string[] => text.match(WORD) ?? [];
// FlexSearch answers undefined rather than [] for some queries of syllables it has never seen.
const ids = (result: readonly (string | number)[] | undefined): string[] => (result ?? []).map(String);

export class SearchService {
  private readonly folded = new FlexIndex({ tokenize: 'forward', fastupdate: true, encode: splitWords });
  private readonly exact = new FlexIndex({ tokenize: 'strict', fastupdate: true, encode: splitWords });
  private readonly indexed = new Set<string>();
  /**
   * The text of recently indexed or found articles, for snippets without a store read: typing a
   * query asks for the same hits again at every keystroke. Kept current by put/remove; bounded.
   */
  private readonly recent = new Map<string, SearchableFields>();
  /** Every index change runs in this chain, so a save during the initial build is never undone by it. */
  private queue: Promise<unknown> = Promise.resolve();
  private building = true;
  private closed = false;
  private readonly unsubscribe: () => void;
  readonly ready: Promise<void>;

  constructor(
    private readonly source: SearchSource,
    options: SearchServiceOptions = {},
  ) {
    this.unsubscribe = source.changes.on(({ ids, reason }) => {
      for (const id of ids) void this.enqueue(() => (reason === 'deleted' ? this.remove(id) : this.reindex(id)));
    });
    this.ready = this.buildInBackground(options.batchSize ?? 10);
  }

  get size(): number {
    return this.indexed.size;
  }

  get isIndexing(): boolean {
    return this.building;
  }

  /** Indexes (or re-indexes) one article from its fields; the incremental path and the build share it. */
  put(id: string, fields: SearchableFields): void {
    this.remember(id, fields);
    const ordered = SEARCH_FIELDS.map((field) => fields[field]).join('\n');
    const lower = ordered.normalize('NFC').toLowerCase();
    if (this.indexed.has(id)) {
      this.folded.update(id, foldVietnamese(lower));
      this.exact.update(id, lower);
    } else {
      this.folded.add(id, foldVietnamese(lower));
      this.exact.add(id, lower);
      this.indexed.add(id);
    }
  }

  async query(q: string, limit = 20): Promise<SearchResult> {
    const tokens = tokenizeVietnamese(q);
    if (tokens.length === 0) return { hits: [], indexing: this.building };
    const foldedTerms = tokens.map((t) => t.folded);
    const ranked = this.rank(
      foldedTerms,
      tokens.map((t) => t.exact),
      limit,
    );
    const hits: SearchHit[] = [];
    // Snippets need the text: from memory when recent, else read, a page of hits in parallel.
    const texts = await Promise.all(ranked.map(({ id }) => this.fieldsOf(id)));
    ranked.forEach(({ id, exact }, i) => {
      const fields = texts[i];
      if (!fields) return; // deleted since: its removal is queued
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

  /**
   * Ids in result order: folded matches (every syllable, each as a prefix), those that also hold
   * the query as typed first. While the last syllable is still being typed it is not a whole
   * syllable yet, so if the whole query finds no exact match the syllables before it decide.
   */
  rank(foldedTerms: string[], exactTerms: string[], limit: number): { id: string; exact: boolean }[] {
    const candidates = ids(this.folded.search(foldedTerms.join(' '), { limit: Math.max(CANDIDATES, limit) }));
    if (candidates.length === 0) return [];
    let exact = new Set(ids(this.exact.search(exactTerms.join(' '), { limit: CANDIDATES * 4 })));
    if (exact.size === 0 && exactTerms.length > 1) {
      exact = new Set(ids(this.exact.search(exactTerms.slice(0, -1).join(' '), { limit: CANDIDATES * 4 })));
    }
    const first = candidates.filter((id) => exact.has(id));
    const rest = candidates.filter((id) => !exact.has(id));
    return [...first.map((id) => ({ id, exact: true })), ...rest.map((id) => ({ id, exact: false }))].slice(0, limit);
  }

  remove(id: string): void {
    this.recent.delete(id);
    if (!this.indexed.delete(id)) return;
    this.folded.remove(id);
    this.exact.remove(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.queue.catch(() => undefined);
  }

  private async fieldsOf(id: string): Promise<SearchableFields | null> {
    const known = this.recent.get(id);
    if (known) {
      this.remember(id, known);
      return known;
    }
    try {
      const fields = searchableFieldsOf(await this.source.get(id));
      // Only if still indexed (a removal may have run while the read was in flight),
      // and put() may have remembered a newer text than this read returned.
      if (this.indexed.has(id) && !this.recent.has(id)) this.remember(id, fields);
      return fields;
    } catch {
      return null;
    }
  }

  private remember(id: string, fields: SearchableFields): void {
    this.recent.delete(id);
    this.recent.set(id, fields);
    if (this.recent.size > RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
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
            if (article && !this.indexed.has(article.id)) this.put(article.id, searchableFieldsOf(article));
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
      this.building = false;
    }
  }
}
