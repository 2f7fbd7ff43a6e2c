import { foldSyllable, type Token } from '../../../shared/text/tokenizeVietnamese';
import { SEARCH_FIELDS, type SearchableFields } from './searchableFields';

/**
 * An inverted index of folded syllables, built for Vietnamese and for memory: one posting per
 * (syllable, article) in a packed Int32Array, no per-prefix entries, no second full index.
 *
 * - Matching is on folded syllables ("Cửa Lò" → "cua", "lo"); every query syllable must occur
 *   whole, except the last, which matches as a prefix while it is being typed: it is expanded
 *   through a sorted vocabulary of folded syllables (Vietnamese has a few thousand).
 * - Exact spelling: a posting carries one bit "this article also writes the syllable without
 *   marks" and syllables written with marks ("cửa") have a small posting list of their own (article
 *   numbers only), so "cua lo" ranks "Cua Lo" first and "Cửa Lò" ranks "Cửa Lò" first.
 * - Ranking: the best field a syllable occurs in (title first) and how often, summed over the
 *   query's syllables; exact spellings before all others.
 * - Updates in place: an article keeps its number's postings sorted, so removal is a binary search
 *   and a shift per syllable; freed numbers are reused, so arrays stay as dense as the store.
 * - The indexed text is kept, UTF-16 outside the JS heap (~7 KB an article), for snippets: reading
 *   20 hits back from the store cost more than the whole query budget.
 */
export class SearchIndex {
  /** Folded syllable → list number; marked (as written, lower case) syllable → list number. */
  private readonly folded = new Map<string, number>();
  private readonly marked = new Map<string, number>();
  private readonly lists: PostingList[] = [];
  /** Folded syllables in code-unit order, and those added since it was sorted. */
  private sorted: string[] = [];
  private pending: string[] = [];

  private readonly numberOf = new Map<string, number>();
  private readonly idOf: (string | undefined)[] = [];
  /** Per article number: the lists it has a posting in (for removal). */
  private readonly listsOf: (Int32Array | undefined)[] = [];
  private readonly textOf: (Buffer | undefined)[] = [];
  private readonly freed: number[] = [];

  get size(): number {
    return this.numberOf.size;
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  /** The fields as indexed, for snippets. */
  fieldsOf(id: string): SearchableFields | undefined {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return undefined;
    const parts = this.textOf[doc]!.toString('utf16le').split(FIELD_SEPARATOR);
    return Object.fromEntries(SEARCH_FIELDS.map((field, i) => [field, parts[i] ?? ''])) as SearchableFields;
  }

  put(id: string, fields: SearchableFields): void {
    this.remove(id);
    const doc = this.freed.pop() ?? this.idOf.length;
    this.numberOf.set(id, doc);
    this.idOf[doc] = id;

    // folded syllable → packed (best field, plain bit, occurrences); marked syllables seen.
    const seen = new Map<string, number>();
    const markedSeen = new Set<string>();
    SEARCH_FIELDS.forEach((field, rank) => {
      const text = fields[field];
      if (!text) return;
      const lower = text.normalize('NFC').toLowerCase();
      TOKEN.lastIndex = 0;
      for (let match = TOKEN.exec(lower); match !== null; match = TOKEN.exec(lower)) {
        const exact = match[0];
        const fold = foldSyllable(exact);
        const before = seen.get(fold);
        const plain = fold === exact ? PLAIN : 0;
        if (before === undefined) seen.set(fold, rank | plain | ONE);
        else seen.set(fold, (before | plain) + (before >= MANY ? 0 : ONE));
        if (plain === 0) markedSeen.add(exact);
      }
    });

    const lists = new Int32Array(seen.size + markedSeen.size);
    let k = 0;
    for (const [fold, packed] of seen) {
      let list = this.folded.get(fold);
      if (list === undefined) {
        list = this.newList();
        this.folded.set(fold, list);
        this.pending.push(fold);
      }
      this.lists[list]!.insert(doc * SLOTS + packed);
      lists[k++] = list;
    }
    for (const exact of markedSeen) {
      let list = this.marked.get(exact);
      if (list === undefined) {
        list = this.newList();
        this.marked.set(exact, list);
      }
      this.lists[list]!.insert(doc * SLOTS);
      lists[k++] = list;
    }
    this.listsOf[doc] = lists;
    // The separator cannot occur in a field: an article's text is NFC text without control characters.
    const text = SEARCH_FIELDS.map((field) => fields[field].replaceAll(FIELD_SEPARATOR, ' ')).join(FIELD_SEPARATOR);
    // UTF-16, as JS strings are: reading it back is a copy (decoding UTF-8 Vietnamese cost ~50 µs
    // an article, 1 ms for a page of hits). Unpooled: a pooled slice would keep its whole 8 KB
    // slab alive after the article is re-indexed.
    const bytes = Buffer.allocUnsafeSlow(text.length * 2);
    bytes.write(text, 'utf16le');
    this.textOf[doc] = bytes;
  }

  remove(id: string): boolean {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return false;
    for (const list of this.listsOf[doc]!) this.lists[list]!.delete(doc);
    this.numberOf.delete(id);
    this.idOf[doc] = undefined;
    this.listsOf[doc] = undefined;
    this.textOf[doc] = undefined;
    this.freed.push(doc);
    return true;
  }

  /**
   * The best `limit` articles holding every query syllable (the last one as a prefix), those
   * that also spell the query as typed first. While the last syllable is still being typed it is
   * not a whole syllable yet, so if no article spells the whole query exactly, the syllables
   * before it decide.
   */
  search(tokens: readonly Token[], limit: number): { id: string; exact: boolean }[] {
    if (tokens.length === 0 || limit <= 0) return [];
    const groups: { lists: PostingList[]; whole: PostingList | undefined; total: number }[] = [];
    const wholeTerms = new Set<string>();
    for (const token of tokens.slice(0, -1)) {
      if (wholeTerms.has(token.folded)) continue;
      wholeTerms.add(token.folded);
      const list = this.listOfFolded(token.folded);
      if (!list) return [];
      groups.push({ lists: [list], whole: list, total: list.length });
    }
    const last = tokens[tokens.length - 1]!.folded;
    const whole = this.listOfFolded(last);
    // The syllable as typed first, so its articles get the whole-syllable bonus.
    const expanded = this.expand(last)
      .filter((list) => list.length > 0)
      .sort((a, b) => Number(b === whole) - Number(a === whole));
    if (expanded.length === 0) return [];
    groups.push({ lists: expanded, whole, total: expanded.reduce((n, l) => n + l.length, 0) });
    // Rarest first: every later group only confirms articles the earlier ones found.
    groups.sort((a, b) => a.total - b.total);

    const n = this.idOf.length;
    const matched = new Uint8Array(n);
    const score = new Int32Array(n);
    const groupCount = Math.min(groups.length, 250);
    for (let g = 0; g < groupCount; g += 1) {
      const { lists, whole } = groups[g]!;
      for (const list of lists) {
        const data = list.data;
        const bonus = list === whole ? WHOLE_BONUS : 0;
        for (let i = 0, end = list.length; i < end; i += 1) {
          const value = data[i]!;
          const doc = (value / SLOTS) | 0;
          if (matched[doc] !== g) continue;
          matched[doc] = g + 1;
          score[doc] = score[doc]! + weight(value) + bonus;
        }
      }
    }

    let exact = this.exactMatches(tokens, n);
    const candidates: number[] = [];
    for (let doc = 0; doc < n; doc += 1) if (matched[doc] === groupCount) candidates.push(doc);
    if (tokens.length > 1 && !candidates.some((doc) => exact[doc] === 1)) exact = this.exactMatches(tokens.slice(0, -1), n);

    // Top `limit` by (exact, score, article number): one pass, a short sorted array.
    const key = (doc: number) => exact[doc]! * EXACT_FIRST + score[doc]!;
    const top: number[] = [];
    for (const doc of candidates) {
      if (top.length === limit && key(doc) <= key(top[top.length - 1]!)) continue;
      let at = top.length;
      while (at > 0 && key(top[at - 1]!) < key(doc)) at -= 1;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top.map((doc) => ({ id: this.idOf[doc]!, exact: exact[doc] === 1 }));
  }

  /** 1 for each article that writes every token as typed (marks and all, any case). */
  private exactMatches(tokens: readonly Token[], n: number): Uint8Array {
    const count = new Uint8Array(n);
    const terms = [...new Set(tokens.map((t) => t.exact))];
    if (terms.length > 250) return count;
    for (let t = 0; t < terms.length; t += 1) {
      const term = terms[t]!;
      const fold = foldSyllable(term);
      const plain = fold === term;
      const index = plain ? this.folded.get(fold) : this.marked.get(term);
      if (index === undefined) return new Uint8Array(n);
      const list = this.lists[index]!;
      const data = list.data;
      for (let i = 0, end = list.length; i < end; i += 1) {
        const value = data[i]!;
        if (plain && (value & PLAIN) === 0) continue;
        const doc = (value / SLOTS) | 0;
        if (count[doc] === t) count[doc] = t + 1;
      }
    }
    for (let doc = 0; doc < n; doc += 1) count[doc] = count[doc] === terms.length ? 1 : 0;
    return count;
  }

  private listOfFolded(term: string): PostingList | undefined {
    const index = this.folded.get(term);
    return index === undefined ? undefined : this.lists[index];
  }

  /** The lists of every folded syllable that starts with `prefix`. */
  private expand(prefix: string): PostingList[] {
    if (this.pending.length > PENDING_MAX) this.mergePending();
    const found: PostingList[] = [];
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i += 1) found.push(this.lists[this.folded.get(sorted[i]!)!]!);
    for (const term of this.pending) if (term.startsWith(prefix)) found.push(this.lists[this.folded.get(term)!]!);
    return found;
  }

  /**
   * Sorts new syllables into the vocabulary now rather than at the next prefix query (the initial
   * build adds tens of thousands: sorting them is a ~20 ms pause, to be taken when nobody types).
   */
  sortVocabulary(): void {
    if (this.pending.length > 0) this.mergePending();
  }

  private mergePending(): void {
    this.sorted = [...this.sorted, ...this.pending].sort();
    this.pending = [];
  }

  private newList(): number {
    this.lists.push(new PostingList());
    return this.lists.length - 1;
  }
}

/** Packed posting: article number × SLOTS + [occurrences 2 bits][plain 1 bit][best field 3 bits]. */
const SLOTS = 64;
const PLAIN = 8;
const ONE = 16;
const MANY = 48;
/** Field rank 0 (title) … 5 (body) → weight; occurrences add a little. */
const FIELD_WEIGHT = [64, 32, 24, 12, 12, 0];
const WHOLE_BONUS = 2;
const EXACT_FIRST = 1 << 24;
/** New syllables are looked through one by one until there are this many, then sorted in. */
const PENDING_MAX = 512;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const FIELD_SEPARATOR = '\u0000';

function weight(value: number): number {
  return FIELD_WEIGHT[value & 7]! + ((value & MANY) >> 4) * 2 + 1;
}

/** Packed postings of one syllable, sorted by article number. */
class PostingList {
  data = new Int32Array(2);
  length = 0;

  insert(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.length < 64 ? this.length * 2 : Math.ceil(this.length * 1.25));
      grown.set(this.data);
      this.data = grown;
    }
    // The initial build appends in number order; a re-used number is inserted in place.
    let at = this.length;
    if (at > 0 && this.data[at - 1]! > value) at = this.find((value / SLOTS) | 0);
    this.data.copyWithin(at + 1, at, this.length);
    this.data[at] = value;
    this.length += 1;
  }

  delete(doc: number): void {
    const at = this.find(doc);
    if (at >= this.length || ((this.data[at]! / SLOTS) | 0) !== doc) return;
    this.data.copyWithin(at, at + 1, this.length);
    this.length -= 1;
    if (this.length === 0) this.data = new Int32Array(2);
  }

  /** First position whose article number is ≥ doc. */
  private find(doc: number): number {
    let lo = 0;
    let hi = this.length;
    const bound = doc * SLOTS;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid]! < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
