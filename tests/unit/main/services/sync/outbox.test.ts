import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, OUTBOX_FILE } from '../../../../../src/main/services/sync/Outbox';

let dir: string;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nd-outbox-'));
  clock = Date.parse('2026-12-02T08:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function onDisk(): Promise<{ items: { articleId: string; state: string }[]; recent: { state: string }[] }> {
  return JSON.parse(await readFile(join(dir, OUTBOX_FILE), 'utf8'));
}

describe('Outbox', () => {
  it('is on disk before enqueue resolves', async () => {
    const outbox = await Outbox.open(dir, now);
    await outbox.enqueue('a1', 'push', 'Cửa Lò tổ chức giao ban');
    expect((await onDisk()).items).toEqual([expect.objectContaining({ articleId: 'a1', state: 'waiting', title: 'Cửa Lò tổ chức giao ban' })]);
  });

  it('absorbs a second push of an article that has one waiting, but not one that is running', async () => {
    const outbox = await Outbox.open(dir, now);
    const first = await outbox.enqueue('a1', 'push', 'v1');
    const second = await outbox.enqueue('a1', 'push', 'v2');
    expect(second.id).toBe(first.id);
    expect(outbox.active()).toHaveLength(1);
    expect(outbox.active()[0]!.title).toBe('v2');
    await outbox.markRunning(first.id);
    const third = await outbox.enqueue('a1', 'push', 'v3');
    expect(third.id).not.toBe(first.id);
    expect(outbox.active()).toHaveLength(2);
  });

  it('offers one item per article at a time, in order, and only when due', async () => {
    const outbox = await Outbox.open(dir, now);
    const a = await outbox.enqueue('a1', 'push', 'a', 0);
    await outbox.enqueue('a1', 'trash', 'a', 0);
    const b = await outbox.enqueue('b1', 'push', 'b', 5_000);
    expect(outbox.due().map((item) => item.id)).toEqual([a.id]);
    clock += 5_000;
    expect(outbox.due().map((item) => item.id)).toEqual([a.id, b.id]);
    await outbox.markDone(a.id, null);
    expect(outbox.due().map((item) => item.kind)).toEqual(['trash', 'push']);
  });

  it('a blocked item holds its article until retried; cancel moves it to the recent list', async () => {
    const outbox = await Outbox.open(dir, now);
    const a = await outbox.enqueue('a1', 'push', 'a');
    await outbox.enqueue('a1', 'trash', 'a');
    await outbox.markBlocked(a.id, { code: 'PORTAL_FORBIDDEN', details: { wpCode: 'rest_cannot_publish' } });
    expect(outbox.due()).toEqual([]);
    await outbox.retry(a.id);
    expect(outbox.due().map((item) => item.id)).toEqual([a.id]);
    await outbox.cancel(a.id);
    expect(outbox.recent()[0]).toMatchObject({ id: a.id, state: 'cancelled' });
    expect(outbox.due().map((item) => item.kind)).toEqual(['trash']);
  });

  it('a failed attempt counts, keeps the error and waits until its retry time', async () => {
    const outbox = await Outbox.open(dir, now);
    const a = await outbox.enqueue('a1', 'push', 'a');
    await outbox.markAttemptFailed(a.id, { code: 'PORTAL_UNREACHABLE' }, new Date(clock + 30_000));
    expect(outbox.get(a.id)).toMatchObject({ state: 'retrying', attempts: 1, lastError: { code: 'PORTAL_UNREACHABLE' } });
    expect(outbox.due()).toEqual([]);
    expect(outbox.nextDueAt()).toBe(clock + 30_000);
    clock += 30_000;
    expect(outbox.due()).toHaveLength(1);
  });

  it('resumes after a restart: a running item is waiting again, receipts are kept', async () => {
    const first = await Outbox.open(dir, now);
    const a = await first.enqueue('a1', 'push', 'a');
    const b = await first.enqueue('b1', 'push', 'b');
    await first.markRunning(a.id);
    await first.markDone(b.id, { postId: 7, status: 'pending', link: 'http://127.0.0.1/?p=7', modifiedGmt: '2026-12-02T08:00:00', at: now().toISOString() });
    const reopened = await Outbox.open(dir, now);
    expect(reopened.active()).toEqual([expect.objectContaining({ id: a.id, state: 'waiting' })]);
    expect(reopened.recent()[0]).toMatchObject({ id: b.id, state: 'done', receipt: { postId: 7 } });
  });

  it('a damaged outbox file is kept aside, not silently replaced', async () => {
    await writeFile(join(dir, OUTBOX_FILE), '{"items": [{"id": "x"');
    const outbox = await Outbox.open(dir, now);
    expect(outbox.active()).toEqual([]);
    expect((await readdir(dir)).some((name) => name.startsWith(`${OUTBOX_FILE}.damaged-`))).toBe(true);
  });
});
