import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EDIT_SNAPSHOT_INTERVAL_MS, HistoryStore } from '../../../../../src/main/services/history/HistoryStore';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { FaultInjectingFileSystem } from '../../../../../src/main/services/store/FaultInjectingFileSystem';
import { NewsdeskError } from '../../../../../src/shared/errors';
import type { LexicalState } from '../../../../../src/shared/model/Article';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2025-04-30T07:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function body(text: string): LexicalState {
  return {
    root: {
      type: 'root',
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }],
    },
  };
}

async function setup(options: { failWrites?: () => boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-history-'));
  dirs.push(dataDir);
  const clock = manualClock();
  const fs = new FaultInjectingFileSystem(() => (options.failWrites?.() ? 'ENOSPC' : null));
  const articles = await ArticleStore.open(dataDir, { now: clock.now, fs });
  const history = new HistoryStore(articles, { now: clock.now });
  return { dataDir, clock, articles, history };
}

describe('HistoryStore', () => {
  it('keeps the first save, then at most one edit snapshot per 10 minutes of editing', async () => {
    const { clock, articles, history } = await setup();
    history.attach();
    const a = await articles.create({ title: 'Lễ hội' });
    let rev = a.rev;
    for (let minute = 0; minute < 25; minute += 1) {
      rev = (await articles.save(a.id, rev, { body: body(`phút ${minute}`) })).rev;
      clock.advance(60_000);
    }
    await history.idle();
    const versions = await history.list(a.id);
    // The first save (minute 0) is kept, then the saves at minutes 10 and 20; creation is not.
    expect(versions.map((v) => v.reason)).toEqual(['edit', 'edit', 'edit']);
    const times = versions.map((v) => Date.parse(v.savedAt)).sort((x, y) => x - y);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(EDIT_SNAPSHOT_INTERVAL_MS);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(EDIT_SNAPSHOT_INTERVAL_MS);
    expect(versions[0]!.rev).toBeGreaterThan(versions[1]!.rev);
  });

  it('snapshot(article, reason) keeps a version; a named reason replaces a periodic one of the same rev', async () => {
    const { articles, history, dataDir } = await setup();
    const a = await articles.create({ title: 'Tin', body: body('Cửa Lò') });
    await history.snapshot(a, 'edit');
    await history.snapshot(a, 'submit');
    await history.snapshot(a, 'edit');
    expect((await history.list(a.id)).map((v) => [v.rev, v.reason])).toEqual([[1, 'submit']]);
    const stored = JSON.parse(await readFile(join(dataDir, 'history', a.id, '1.json'), 'utf8')) as { article: { title: string } };
    expect(stored.article.title).toBe('Tin');
    expect((await history.get(a.id, 1)).wordCount).toBe(3);
  });

  it('restore makes a new version equal to the old one, keeping the replaced version; nothing is destroyed', async () => {
    const { articles, history } = await setup();
    const v1 = await articles.create({ title: 'Bản đầu', body: body('Cửa Lò đông khách') });
    await history.snapshot(v1, 'submit');
    const v2 = await articles.save(v1.id, 1, { title: 'Bản sau', body: body('Cua Lo vang khach') });

    const restored = await history.restore(v1.id, 1, v2.rev);
    expect(restored.rev).toBe(3);
    expect(restored.title).toBe('Bản đầu');
    expect(restored.body).toEqual(v1.body);
    expect(await articles.get(v1.id)).toEqual(restored);

    const versions = await history.list(v1.id);
    expect(versions.map((v) => [v.rev, v.reason, v.restoredFrom])).toEqual([
      [3, 'restore', 1],
      [2, 'before-restore', null],
      [1, 'submit', null],
    ]);
    // The replaced text is still there, exactly.
    expect((await history.get(v1.id, 2)).article.title).toBe('Bản sau');
    // And can itself be restored.
    const again = await history.restore(v1.id, 2, 3);
    expect(again.title).toBe('Bản sau');
    expect(again.rev).toBe(4);
  });

  it('restore against a stale baseRev is a CONFLICT and changes nothing', async () => {
    const { articles, history } = await setup();
    const v1 = await articles.create({ title: 'Một' });
    await history.snapshot(v1, 'submit');
    await articles.save(v1.id, 1, { title: 'Hai' });
    const error = await history.restore(v1.id, 1, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('CONFLICT');
    expect((await articles.get(v1.id)).title).toBe('Hai');
  });

  it('an unknown version is NOT_FOUND; a damaged snapshot is skipped by list', async () => {
    const { articles, history, dataDir } = await setup();
    const a = await articles.create({ title: 'x' });
    await history.snapshot(a, 'submit');
    await expect(history.get(a.id, 9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await writeFile(join(dataDir, 'history', a.id, '7.json'), '{"version":1,"rev":7');
    expect((await history.list(a.id)).map((v) => v.rev)).toEqual([1]);
  });

  it('a full disk fails the snapshot with STORAGE_FULL but never a save; no partial snapshot is left', async () => {
    let fail = false;
    const { articles, history, dataDir } = await setup({ failWrites: () => fail });
    const a = await articles.create({ title: 'x' });
    fail = true;
    await expect(history.snapshot(a, 'submit')).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(await readdir(join(dataDir, 'history', a.id)).catch(() => [])).toEqual([]);
  });
});
