import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorPayload } from '../../../shared/errors';
import type { ArticleState } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import type { ArticleMerge } from '../../../shared/model/ArticleMerge';
import type { ArticleSync, PortalReceipt } from '../../../shared/model/SyncStatus';
import { TEMP_SUFFIX, toStorageError, writeFileDurable } from '../store/writeFileDurable';

/** The last version both sides agreed on: what the portal answered after our last write or pull. */
export interface SyncBase {
  content: ArticleContent;
  modifiedGmt: string;
  /** postDigest of the portal's post at the base: equal times within one second are not proof. */
  digest: string;
  /** The article's content rev that matched it: a later local edit is work the portal has not seen. */
  contentRev: number;
  /**
   * The local state that matched the portal's status then: a status changed on the portal while
   * this is still the local state was an editor's move there, and is followed here.
   */
  state?: ArticleState;
}

export interface SyncConflictState {
  merge: ArticleMerge;
  /** The portal's version the merge was made against; resolving writes over exactly this. */
  remote: ArticleContent;
  remoteModifiedGmt: string;
  remoteDigest: string;
  /** The local content rev the merge was made from: an edit since makes the merge stale. */
  localContentRev: number;
}

/** One article's sync state, in `sync/articles/<id>.json`. */
export interface ArticleSyncState {
  articleId: string;
  /** The client key in the post's content (syncMarker): how a retried create finds the first one. */
  key: string;
  postId: number | null;
  /**
   * A create request may have reached the portal: before creating again, search by the key.
   * Written (fsync) before the first create is sent.
   */
  createAttempted: boolean;
  base: SyncBase | null;
  receipt: PortalReceipt | null;
  conflict: SyncConflictState | null;
  problem: ErrorPayload | null;
  deletedOnPortal: boolean;
}

export function newSyncKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Per-article sync state, one durable file each (a write costs the same whatever the number of
 * articles), all held in memory for the queue's badges. Writes to one article are serialised.
 */
export class SyncStateStore {
  private readonly states = new Map<string, ArticleSyncState>();
  private readonly byPost = new Map<number, string>();
  private readonly writes = new Map<string, Promise<unknown>>();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<SyncStateStore> {
    const dir = join(dataDir, 'sync', 'articles');
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw toStorageError(error, dir);
    }
    const store = new SyncStateStore(dir);
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.json') || name.endsWith(TEMP_SUFFIX)) continue;
      try {
        const state = JSON.parse(await readFile(join(dir, name), 'utf8')) as ArticleSyncState;
        if (typeof state.articleId === 'string' && typeof state.key === 'string') store.remember(state);
      } catch {
        // A damaged state file only loses the receipt: the marker search finds the post again.
      }
    }
    return store;
  }

  get(articleId: string): ArticleSyncState | undefined {
    return this.states.get(articleId);
  }

  articleOfPost(postId: number): string | undefined {
    return this.byPost.get(postId);
  }

  all(): ArticleSyncState[] {
    return [...this.states.values()];
  }

  /** The state, created (with a fresh key) and written to disk if there was none. */
  async ensure(articleId: string): Promise<ArticleSyncState> {
    const existing = this.states.get(articleId);
    if (existing) return existing;
    return this.put({
      articleId,
      key: newSyncKey(),
      postId: null,
      createAttempted: false,
      base: null,
      receipt: null,
      conflict: null,
      problem: null,
      deletedOnPortal: false,
    });
  }

  /** Applies `change` and writes the result durably before resolving. */
  async update(articleId: string, change: Partial<ArticleSyncState>): Promise<ArticleSyncState> {
    const current = await this.ensure(articleId);
    return this.put({ ...current, ...change, articleId });
  }

  async put(state: ArticleSyncState): Promise<ArticleSyncState> {
    const previous = this.writes.get(state.articleId) ?? Promise.resolve();
    const write = previous.catch(() => undefined).then(() => writeFileDurable(join(this.dir, `${state.articleId}.json`), JSON.stringify(state)));
    this.writes.set(state.articleId, write);
    await write;
    this.remember(state);
    return state;
  }

  summary(articleId: string, waiting: boolean): ArticleSync {
    const state = this.states.get(articleId);
    return {
      articleId,
      receipt: state?.receipt ?? null,
      waiting,
      problem: state?.problem ?? null,
      conflict: state?.conflict != null,
      deletedOnPortal: state?.deletedOnPortal ?? false,
    };
  }

  private remember(state: ArticleSyncState): void {
    const old = this.states.get(state.articleId);
    if (old?.postId != null && old.postId !== state.postId) this.byPost.delete(old.postId);
    this.states.set(state.articleId, state);
    if (state.postId != null) this.byPost.set(state.postId, state.articleId);
  }
}
