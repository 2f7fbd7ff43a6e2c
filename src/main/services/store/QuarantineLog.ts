import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Emitter } from '../../../shared/Emitter';
import { storeNoticeSchema, type QuarantineReason, type StoreNotice } from '../../../shared/model/StoreNotice';
import { errnoOf, type FileSystem } from './FileSystem';
import { toStorageError, writeFileDurable } from './writeFileDurable';

const noticesFileSchema = z.object({ version: z.literal(1), notices: z.array(storeNoticeSchema) });

/**
 * `quarantine/`: damaged files moved out of the way (never deleted) so everything else loads, and
 * `quarantine/notices.json`, the notices naming them, which stay until someone dismisses them.
 */
export class QuarantineLog {
  readonly added = new Emitter<StoreNotice>();
  private notices: StoreNotice[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly fs: FileSystem,
    private readonly now: () => Date,
  ) {}

  static async load(dataDir: string, fs: FileSystem, now: () => Date): Promise<QuarantineLog> {
    const log = new QuarantineLog(join(dataDir, 'quarantine'), fs, now);
    try {
      const parsed = noticesFileSchema.safeParse(JSON.parse(await fs.readFile(log.file)));
      // A damaged notices file loses only notices, never articles: start over rather than fail.
      if (parsed.success) log.notices = parsed.data.notices;
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT' && !(error instanceof SyntaxError)) throw toStorageError(error, log.file);
    }
    return log;
  }

  list(): StoreNotice[] {
    return [...this.notices];
  }

  /**
   * Moves `file` into quarantine/ under a unique name and records a notice. Returns null if the
   * file is already gone (another caller quarantined it first).
   */
  quarantine(file: string, reason: QuarantineReason): Promise<StoreNotice | null> {
    return this.enqueue(async () => {
      const at = this.now();
      const movedTo = `${basename(file, '.json')}.${at.toISOString().replace(/[:.]/g, '-')}.${randomUUID().slice(0, 8)}.json`;
      try {
        await this.fs.mkdir(this.dir);
        await this.fs.rename(file, join(this.dir, movedTo));
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') return null;
        throw toStorageError(error, file);
      }
      const notice: StoreNotice = {
        id: randomUUID(),
        kind: 'quarantined',
        file: basename(file),
        movedTo,
        reason,
        at: at.toISOString(),
      };
      this.notices.push(notice);
      // The move already happened; if the notice cannot be persisted it is still shown this session.
      await this.persist(this.notices).catch(() => undefined);
      this.added.emit(notice);
      return notice;
    });
  }

  /** Returns false if there was no such notice. */
  dismiss(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      const before = this.notices.length;
      const kept = this.notices.filter((notice) => notice.id !== id);
      if (kept.length === before) return false;
      await this.persist(kept);
      this.notices = kept;
      return true;
    });
  }

  private get file(): string {
    return join(this.dir, 'notices.json');
  }

  private async persist(notices: StoreNotice[]): Promise<void> {
    await this.fs.mkdir(this.dir);
    await writeFileDurable(this.file, JSON.stringify({ version: 1, notices }), this.fs);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
