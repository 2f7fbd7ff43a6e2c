import pRetry from 'p-retry';
import { Emitter } from '../../../shared/Emitter';
import { NewsdeskError, isNewsdeskError, type ErrorPayload } from '../../../shared/errors';
import type { Article } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import { resolveMerge, type MergeChoices } from '../../../shared/model/ArticleMerge';
import type { ArticleSync, OutboxItem, SyncStatus } from '../../../shared/model/SyncStatus';
import type { MediaStore } from '../media/MediaStore';
import { isTransientPortalError } from '../portal/isTransientPortalError';
import type { PortalAccountService } from '../portal/PortalAccountService';
import type { SettingsStore } from '../profile/SettingsStore';
import type { ArticleStore } from '../store/ArticleStore';
import type { MediaReceipts } from './MediaReceipts';
import type { Outbox } from './Outbox';
import { portalStatusFor } from './portalStatusFor';
import { pullPosts } from './pullPosts';
import { pushArticle } from './pushArticle';
import { contentRevOf, emptyStats, type SyncContext } from './SyncContext';
import { newSyncKey, type SyncStateStore } from './SyncStateStore';

const CURSOR_KEY = 'sync.cursor';
const LAST_SYNC_KEY = 'sync.lastSyncAt';
const SYNC_DRAFTS_KEY = 'sync.drafts';

export interface SyncEngineOptions {
  now?: () => Date;
  /** A saved article is pushed this long after its last save (autosave runs while typing). */
  pushDelayMs?: number;
  /** Retries inside one run of an item (p-retry: exponential backoff with jitter). */
  retries?: number;
  minRetryMs?: number;
  maxRetryMs?: number;
  /** After a run's retries are used up, the item waits this long (doubling, capped) before the next run. */
  laterRetryMs?: number;
  /** How often the portal is pulled while online; 0: only on demand. */
  pullIntervalMs?: number;
  /** Articles pushed at once (each article's own items stay in order). */
  concurrency?: number;
}

export interface SyncEngineDeps {
  articles: ArticleStore;
  media: MediaStore;
  accounts: PortalAccountService;
  states: SyncStateStore;
  receipts: MediaReceipts;
  outbox: Outbox;
  settings: SettingsStore;
}

export interface SyncChanged {
  status: SyncStatus;
  /** The articles whose standing with the portal may have changed. */
  articles: ArticleSync[];
}

/**
 * The synchroniser. Its phases, in the order a run takes them:
 *
 * 1. Push: the outbox's due items (persisted before they are attempted), the first of each
 *    article at a time, a few articles at once; see pushArticle for why each step may be repeated.
 *    A transient failure (no network, 5xx, a cut answer) is retried with backoff and jitter; a
 *    refusal (401, 403, 404, a conflict) blocks the item until the user acts.
 * 2. Pull: posts changed on the portal since the last cursor (pullPosts): merged, never overwriting
 *    local work the portal has not seen.
 *
 * Runs in the background: kicked by saves and state changes, by the OS coming online, by a timer,
 * and by "sync now". Offline (the OS says so, or the portal does not answer) it stops trying and
 * probes the portal with backoff until it answers.
 */
export class SyncEngine {
  readonly changes = new Emitter<SyncChanged>();
  readonly stats = emptyStats();
  private readonly now: () => Date;
  private readonly options: Required<Omit<SyncEngineOptions, 'now'>>;
  private readonly applyingIds = new Map<string, number>();
  private online = true;
  /** The OS's network signal (the renderer's navigator.onLine): false stops every attempt. */
  private osOnline = true;
  private running = false;
  private again = false;
  private pumping: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pullTimer: NodeJS.Timeout | null = null;
  private probeDelayMs = 0;
  private lastError: ErrorPayload | null = null;
  private closed = false;
  private pullWanted = false;
  /** The queueing of unsynced articles after a sign-in; syncNow waits for it. */
  private queueing: Promise<void> = Promise.resolve();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly deps: SyncEngineDeps,
    options: SyncEngineOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.options = {
      pushDelayMs: options.pushDelayMs ?? 2_000,
      retries: options.retries ?? 3,
      minRetryMs: options.minRetryMs ?? 500,
      maxRetryMs: options.maxRetryMs ?? 8_000,
      laterRetryMs: options.laterRetryMs ?? 30_000,
      pullIntervalMs: options.pullIntervalMs ?? 60_000,
      concurrency: options.concurrency ?? 2,
    };
  }

  start(): void {
    this.unsubscribers.push(
      this.deps.articles.changes.on(({ ids, reason }) => {
        if (reason === 'saved' || reason === 'transitioned') for (const id of ids) void this.articleChanged(id, reason);
      }),
      this.deps.outbox.changes.on((item) => this.announce([item.articleId])),
      this.deps.accounts.changes.on((account) => {
        if (account) {
          this.online = true;
          this.pullWanted = true;
          this.queueing = this.queueUnsynced().finally(() => this.kick());
        } else this.announce([]);
      }),
    );
    if (this.options.pullIntervalMs > 0) {
      this.pullTimer = setInterval(() => {
        this.pullWanted = true;
        this.kick();
      }, this.options.pullIntervalMs);
      this.pullTimer.unref();
    }
    this.pullWanted = true;
    this.kick();
  }

  get syncDrafts(): boolean {
    return this.deps.settings.get(SYNC_DRAFTS_KEY) === true;
  }

  setSyncDrafts(value: boolean): void {
    this.deps.settings.set(SYNC_DRAFTS_KEY, value);
    this.announce([]);
  }

  status(): SyncStatus {
    const active = this.deps.outbox.active();
    const lastSync = this.deps.settings.get(LAST_SYNC_KEY);
    return {
      configured: this.deps.accounts.current() !== null,
      online: this.online && this.osOnline,
      running: this.running,
      waiting: active.filter((item) => item.state !== 'blocked').length,
      blocked: active.filter((item) => item.state === 'blocked').length,
      lastSyncAt: typeof lastSync === 'string' ? lastSync : null,
      lastError: this.lastError,
      syncDrafts: this.syncDrafts,
    };
  }

  /** Every article the portal knows of or that has something in the outbox. */
  articleSyncs(): ArticleSync[] {
    const ids = new Set([...this.deps.states.all().map((state) => state.articleId), ...this.deps.outbox.active().map((item) => item.articleId)]);
    return [...ids].map((id) => this.deps.states.summary(id, this.deps.outbox.hasActive(id)));
  }

  outbox(): { active: OutboxItem[]; recent: OutboxItem[] } {
    return { active: this.deps.outbox.active(), recent: this.deps.outbox.recent() };
  }

  /** The OS's network signal, from the renderer (navigator.onLine and its events). */
  setNetwork(online: boolean): void {
    const was = this.osOnline;
    this.osOnline = online;
    if (online && !was) {
      this.online = true;
      this.pullWanted = true;
      void this.deps.outbox.retryAll().then(() => this.kick());
    }
    this.announce([]);
  }

  /** "Sync now": every waiting item is due now, then a pull. Resolves when the run is over. */
  async syncNow(): Promise<void> {
    await this.queueing;
    this.online = true;
    this.pullWanted = true;
    for (const item of this.deps.outbox.active()) if (item.state === 'retrying' || item.state === 'waiting') await this.deps.outbox.retry(item.id);
    this.kick();
    await this.idle();
  }

  async retry(id: string): Promise<OutboxItem> {
    const item = await this.deps.outbox.retry(id);
    this.online = true;
    this.kick();
    return item;
  }

  async cancel(id: string): Promise<OutboxItem> {
    return this.deps.outbox.cancel(id);
  }

  /** Enqueues a push of one article now (after a conflict is resolved, or on the writer's request). */
  async push(articleId: string): Promise<void> {
    const article = await this.deps.articles.get(articleId);
    await this.deps.outbox.enqueue(articleId, 'push', article.title, 0);
    this.kick();
  }

  /** The merge waiting for the writer's choice, and the two versions it came from. */
  conflict(articleId: string) {
    const state = this.deps.states.get(articleId);
    if (!state?.conflict) throw new NewsdeskError('NOT_FOUND', { articleId, what: 'conflict' });
    return state.conflict;
  }

  /**
   * Applies the writer's choices: the result is saved locally, the portal's version becomes the
   * base, and the article is pushed (the push checks again that the portal did not move on).
   */
  async resolve(articleId: string, choices: MergeChoices): Promise<Article> {
    const state = this.deps.states.get(articleId);
    if (!state?.conflict) throw new NewsdeskError('NOT_FOUND', { articleId, what: 'conflict' });
    const resolved: ArticleContent = resolveMerge(state.conflict.merge, choices);
    const article = await this.deps.articles.get(articleId);
    if (contentRevOf(article) !== state.conflict.localContentRev) {
      // Written to since the merge was made: saving the resolution would drop that writing. The
      // push merges again with it, and the writer chooses on the fresh merge.
      await this.deps.outbox.retryAll(articleId);
      this.kick();
      throw new NewsdeskError('CONFLICT', { id: articleId, reason: 'edited-since-merge' });
    }
    const saved = await this.applying(articleId, () => this.deps.articles.save(articleId, article.rev, resolved));
    await this.deps.states.update(articleId, {
      conflict: null,
      base: { content: state.conflict.remote, modifiedGmt: state.conflict.remoteModifiedGmt, digest: state.conflict.remoteDigest, contentRev: -1, state: saved.state },
    });
    await this.deps.outbox.retryAll(articleId);
    if (!this.deps.outbox.hasActive(articleId)) await this.deps.outbox.enqueue(articleId, 'push', saved.title, 0);
    this.kick();
    this.announce([articleId]);
    return saved;
  }

  /**
   * The post was deleted on the portal. 'recreate': push the article as a new post. 'detach':
   * keep it here only, with nothing waiting for the portal.
   */
  async afterPortalDelete(articleId: string, choice: 'recreate' | 'detach'): Promise<void> {
    const state = this.deps.states.get(articleId);
    if (!state?.deletedOnPortal) throw new NewsdeskError('NOT_FOUND', { articleId, what: 'deleted-post' });
    await this.deps.states.update(articleId, {
      postId: null,
      createAttempted: false,
      base: null,
      receipt: null,
      problem: null,
      deletedOnPortal: false,
      key: newSyncKey(),
    });
    for (const item of this.deps.outbox.active()) if (item.articleId === articleId) await this.deps.outbox.cancel(item.id);
    if (choice === 'recreate') await this.push(articleId);
    this.announce([articleId]);
  }

  /** Resolves when no run is going on and nothing is due (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queueing;
    while (this.pumping) await this.pumping;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    if (this.pullTimer) clearInterval(this.pullTimer);
    await this.idle();
    await this.deps.outbox.idle();
  }

  /**
   * At sign-in: what was submitted, approved or published before any portal was set up (written
   * offline, on a train) is queued, so it reaches the portal without being saved again.
   */
  private async queueUnsynced(): Promise<void> {
    for (const summary of this.deps.articles.list()) {
      if (this.deps.outbox.hasActive(summary.id) || this.deps.states.get(summary.id)?.receipt) continue;
      if (portalStatusFor(summary.state, { syncDrafts: this.syncDrafts, onPortal: false }) === null) continue;
      await this.deps.outbox.enqueue(summary.id, 'push', summary.title, 0).catch(() => undefined);
    }
  }

  private async articleChanged(articleId: string, reason: 'saved' | 'transitioned'): Promise<void> {
    if (this.applyingIds.has(articleId) || !this.deps.accounts.current()) return;
    const [summary] = this.deps.articles.summariesOf([articleId]);
    if (!summary) return;
    const state = this.deps.states.get(articleId);
    const wanted = portalStatusFor(summary.state, { syncDrafts: this.syncDrafts, onPortal: state?.postId != null });
    if (wanted === null) return;
    try {
      await this.deps.outbox.enqueue(articleId, 'push', summary.title, reason === 'saved' ? this.options.pushDelayMs : 0);
    } catch (error) {
      // The outbox could not be written (disk full): the article itself is saved; say so.
      this.lastError = isNewsdeskError(error) ? error.toPayload() : { code: 'INTERNAL' };
      this.announce([articleId]);
      return;
    }
    this.kick();
  }

  private kick(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      } else this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || !this.deps.accounts.current()) return;
    if (!this.online || !this.osOnline) {
      if (!this.osOnline) return;
      // Probe the portal with backoff until it answers.
      this.probeDelayMs = Math.min(Math.max(this.probeDelayMs * 2, this.options.minRetryMs), this.options.laterRetryMs);
      this.timer = setTimeout(() => void this.probe(), this.probeDelayMs);
      this.timer.unref();
      return;
    }
    const next = this.deps.outbox.nextDueAt();
    if (next === null) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, next - this.now().getTime()));
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    const connection = this.deps.accounts.current();
    if (!connection || this.closed) return;
    try {
      await connection.portal.me();
      this.online = true;
      this.probeDelayMs = 0;
      this.pullWanted = true;
      await this.deps.outbox.retryAll();
      this.announce([]);
      this.kick();
    } catch (error) {
      if (isNewsdeskError(error) && !isTransientPortalError(error)) {
        // It answered (with a refusal): the portal is there; items will show the refusal.
        this.online = true;
        this.lastError = error.toPayload();
        this.kick();
        return;
      }
      this.schedule();
    }
  }

  private async pump(): Promise<void> {
    const connection = this.deps.accounts.current();
    if (!connection || !this.online || !this.osOnline) return;
    this.running = true;
    this.announce([]);
    try {
      const ctx = this.context(connection);
      for (;;) {
        if (!this.online || this.closed) break;
        const due = this.deps.outbox.due().slice(0, this.options.concurrency);
        if (due.length === 0) break;
        await Promise.all(due.map((item) => this.runItem(ctx, item)));
      }
      if (this.pullWanted && this.online && !this.closed) {
        this.pullWanted = false;
        await this.pull(ctx);
      }
    } finally {
      this.running = false;
      this.announce([]);
    }
  }

  private async pull(ctx: SyncContext): Promise<void> {
    const cursor = this.deps.settings.get(CURSOR_KEY);
    try {
      const result = await pullPosts(ctx, typeof cursor === 'string' ? cursor : null, { busy: (id) => this.deps.outbox.hasActive(id) });
      if (result.cursor) this.deps.settings.set(CURSOR_KEY, result.cursor);
      this.deps.settings.set(LAST_SYNC_KEY, this.now().toISOString());
      this.lastError = null;
      for (const id of result.toPush) {
        const article = await this.deps.articles.get(id);
        await this.deps.outbox.enqueue(id, 'push', article.title, 0);
      }
      if (result.toPush.length > 0) this.again = true;
      this.announce(this.deps.states.all().map((state) => state.articleId));
    } catch (error) {
      this.failed(error);
    }
  }

  private async runItem(ctx: SyncContext, item: OutboxItem): Promise<void> {
    await this.deps.outbox.markRunning(item.id);
    try {
      const receipt = await pRetry(
        async () => {
          const article = await this.deps.articles.get(item.articleId);
          return pushArticle(ctx, item.kind === 'trash' ? { ...article, state: 'spiked' } : article);
        },
        {
          retries: this.options.retries,
          minTimeout: this.options.minRetryMs,
          maxTimeout: this.options.maxRetryMs,
          factor: 2,
          randomize: true,
          shouldRetry: (error) => isTransientPortalError(error),
        },
      );
      await this.deps.outbox.markDone(item.id, receipt);
      this.deps.settings.set(LAST_SYNC_KEY, this.now().toISOString());
      this.lastError = null;
    } catch (error) {
      const payload = isNewsdeskError(error) ? error.toPayload() : { code: 'INTERNAL' as const };
      if (!isNewsdeskError(error)) console.error('[newsdesk] sync: internal error', error instanceof Error ? error.stack : error);
      if (isNewsdeskError(error) && isTransientPortalError(error)) {
        const attempts = item.attempts + 1;
        const wait = Math.min(this.options.laterRetryMs * 2 ** Math.min(attempts - 1, 5), 30 * 60_000);
        await this.deps.outbox.markAttemptFailed(item.id, payload, new Date(this.now().getTime() + wait * (0.5 + Math.random() / 2)));
        this.failed(error);
      } else if (isNewsdeskError(error) && error.code === 'NOT_FOUND' && error.details?.id === item.articleId) {
        // The article was deleted here: nothing left to send.
        await this.deps.outbox.cancel(item.id);
      } else {
        await this.deps.outbox.markBlocked(item.id, payload);
        await this.deps.states.update(item.articleId, { problem: payload }).catch(() => undefined);
      }
    }
  }

  private failed(error: unknown): void {
    this.lastError = isNewsdeskError(error) ? error.toPayload() : { code: 'INTERNAL' };
    if (isNewsdeskError(error) && error.code === 'PORTAL_UNREACHABLE') this.online = false;
  }

  private context(connection: NonNullable<ReturnType<PortalAccountService['current']>>): SyncContext {
    return {
      portal: connection.portal,
      account: connection.account,
      articles: this.deps.articles,
      media: this.deps.media,
      states: this.deps.states,
      receipts: this.deps.receipts,
      now: this.now,
      syncDrafts: this.syncDrafts,
      applying: (id, write) => this.applying(id, write),
      stats: this.stats,
    };
  }

  private async applying<T>(articleId: string, write: () => Promise<T>): Promise<T> {
    this.applyingIds.set(articleId, (this.applyingIds.get(articleId) ?? 0) + 1);
    try {
      return await write();
    } finally {
      // The store emits its change synchronously after the write: by now it has been ignored.
      const left = (this.applyingIds.get(articleId) ?? 1) - 1;
      if (left <= 0) this.applyingIds.delete(articleId);
      else this.applyingIds.set(articleId, left);
    }
  }

  private announce(articleIds: string[]): void {
    const unique = [...new Set(articleIds)];
    this.changes.emit({
      status: this.status(),
      articles: unique.map((id) => this.deps.states.summary(id, this.deps.outbox.hasActive(id))),
    });
  }
}

