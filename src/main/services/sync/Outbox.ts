import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter } from '../../../shared/Emitter';
import type { ErrorPayload } from '../../../shared/errors';
import type { OutboxItem, PortalReceipt } from '../../../shared/model/SyncStatus';
import { writeFileDurable } from '../store/writeFileDurable';

export const OUTBOX_FILE = 'outbox.json';
/** Finished items kept for the outbox view (their receipts), newest first. */
const RECENT_MAX = 100;

interface OutboxFile {
  version: 1;
  items: OutboxItem[];
  recent: OutboxItem[];
}

const ACTIVE = new Set<OutboxItem['state']>(['waiting', 'running', 'retrying', 'blocked']);

/**
 * Every change the portal must see, persisted (temp file, fsync, rename) before it is attempted
 * and after every step, so a restart resumes exactly where the last run stopped. Items of one
 * article run in order; a `push` waiting for its turn absorbs later pushes of the same article
 * (a push always sends the article as it is when it runs, so one is as good as ten).
 */
export class Outbox {
  readonly changes = new Emitter<OutboxItem>();
  private data: OutboxFile;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    data: OutboxFile,
    private readonly now: () => Date,
  ) {
    this.data = data;
  }

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<Outbox> {
    const file = join(dataDir, OUTBOX_FILE);
    let data: OutboxFile = { version: 1, items: [], recent: [] };
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<OutboxFile>;
      data = { version: 1, items: parsed.items ?? [], recent: parsed.recent ?? [] };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        // A damaged outbox must not be silently replaced by an empty one: keep it aside.
        const { rename } = await import('node:fs/promises');
        await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
      }
    }
    // An item that was running when the app stopped is simply tried again: every step is safe to repeat.
    for (const item of data.items) if (item.state === 'running') item.state = 'waiting';
    return new Outbox(file, data, now);
  }

  /** Active items (not done or cancelled), in queue order. */
  active(): OutboxItem[] {
    return this.data.items.map((item) => ({ ...item }));
  }

  recent(): OutboxItem[] {
    return this.data.recent.map((item) => ({ ...item }));
  }

  get(id: string): OutboxItem | undefined {
    const item = this.data.items.find((candidate) => candidate.id === id) ?? this.data.recent.find((candidate) => candidate.id === id);
    return item ? { ...item } : undefined;
  }

  hasActive(articleId: string): boolean {
    return this.data.items.some((item) => item.articleId === articleId);
  }

  /** Queues `kind` for an article, durably; returns the item (an absorbed push returns the waiting one). */
  async enqueue(articleId: string, kind: OutboxItem['kind'], title: string, dueInMs = 0): Promise<OutboxItem> {
    const due = new Date(this.now().getTime() + dueInMs).toISOString();
    const last = [...this.data.items].reverse().find((item) => item.articleId === articleId);
    if (kind === 'push' && last && last.kind === 'push' && last.state !== 'running') {
      // The waiting push will send the newest version: nothing to add but a new due time.
      return this.change(last.id, { state: last.state === 'blocked' ? 'blocked' : 'waiting', nextAttemptAt: due, title });
    }
    const item: OutboxItem = {
      id: randomUUID(),
      articleId,
      kind,
      state: 'waiting',
      attempts: 0,
      enqueuedAt: this.now().toISOString(),
      nextAttemptAt: due,
      lastError: null,
      receipt: null,
      title,
    };
    this.data = { ...this.data, items: [...this.data.items, item] };
    await this.persist();
    this.changes.emit(item);
    return { ...item };
  }

  /**
   * The items that may run now: the first active item of each article, if it is waiting or
   * retrying and due. Blocked items hold their article's queue until retried or cancelled.
   */
  due(): OutboxItem[] {
    const now = this.now().getTime();
    const seen = new Set<string>();
    const out: OutboxItem[] = [];
    for (const item of this.data.items) {
      if (seen.has(item.articleId)) continue;
      seen.add(item.articleId);
      if (item.state !== 'waiting' && item.state !== 'retrying') continue;
      if (item.nextAttemptAt && Date.parse(item.nextAttemptAt) > now) continue;
      out.push({ ...item });
    }
    return out;
  }

  /** When the next item becomes due, or null if none is waiting. */
  nextDueAt(): number | null {
    let next: number | null = null;
    for (const item of this.data.items) {
      if (item.state !== 'waiting' && item.state !== 'retrying') continue;
      const at = item.nextAttemptAt ? Date.parse(item.nextAttemptAt) : 0;
      next = next === null ? at : Math.min(next, at);
    }
    return next;
  }

  markRunning(id: string): Promise<OutboxItem> {
    return this.change(id, { state: 'running' });
  }

  markAttemptFailed(id: string, error: ErrorPayload, retryAt: Date | null): Promise<OutboxItem> {
    const item = this.data.items.find((candidate) => candidate.id === id);
    return this.change(id, {
      state: 'retrying',
      attempts: (item?.attempts ?? 0) + 1,
      lastError: error,
      nextAttemptAt: retryAt ? retryAt.toISOString() : null,
    });
  }

  /** Stopped until the user acts (retry, cancel, resolve a conflict): a refusal, not a glitch. */
  markBlocked(id: string, error: ErrorPayload): Promise<OutboxItem> {
    const item = this.data.items.find((candidate) => candidate.id === id);
    return this.change(id, { state: 'blocked', attempts: (item?.attempts ?? 0) + 1, lastError: error, nextAttemptAt: null });
  }

  async markDone(id: string, receipt: PortalReceipt | null): Promise<OutboxItem> {
    return this.finish(id, { state: 'done', receipt, lastError: null, nextAttemptAt: null });
  }

  async cancel(id: string): Promise<OutboxItem> {
    return this.finish(id, { state: 'cancelled', nextAttemptAt: null });
  }

  /** A blocked or retrying item is due again now. */
  retry(id: string): Promise<OutboxItem> {
    return this.change(id, { state: 'waiting', nextAttemptAt: this.now().toISOString() });
  }

  /** Every blocked or retrying item of one article (or all) is due again now. */
  async retryAll(articleId?: string): Promise<void> {
    for (const item of this.data.items) {
      if (articleId !== undefined && item.articleId !== articleId) continue;
      if (item.state === 'blocked' || item.state === 'retrying') await this.retry(item.id);
    }
  }

  /** Waits for the last write (tests, shutdown). */
  async idle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  private async change(id: string, change: Partial<OutboxItem>): Promise<OutboxItem> {
    const index = this.data.items.findIndex((item) => item.id === id);
    if (index < 0) throw new Error(`outbox: no active item ${id}`);
    const next = { ...this.data.items[index]!, ...change };
    const items = [...this.data.items];
    items[index] = next;
    this.data = { ...this.data, items };
    await this.persist();
    this.changes.emit(next);
    return { ...next };
  }

  private async finish(id: string, change: Partial<OutboxItem>): Promise<OutboxItem> {
    const item = this.data.items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`outbox: no active item ${id}`);
    const done = { ...item, ...change };
    this.data = {
      ...this.data,
      items: this.data.items.filter((candidate) => candidate.id !== id),
      recent: [done, ...this.data.recent].slice(0, RECENT_MAX),
    };
    await this.persist();
    this.changes.emit(done);
    return { ...done };
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify(this.data);
    const write = this.writing.catch(() => undefined).then(() => writeFileDurable(this.file, snapshot));
    this.writing = write;
    return write;
  }
}

export function isActive(item: OutboxItem): boolean {
  return ACTIVE.has(item.state);
}
