import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type NewsdeskApp } from '../../../src/main/app';
import { useTempDataDir } from './services/store/tempDataDir';

const newDataDir = useTempDataDir();

async function withApp<T>(run: (app: NewsdeskApp, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await newDataDir();
  const app = await createApp({ dataDir, host: 'web', version: '0.0.0-test' });
  try {
    return await run(app, dataDir);
  } finally {
    await app.close();
  }
}

async function articleFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'articles'))).filter((name) => name.endsWith('.json'));
}

describe('createApp().invoke', () => {
  it('starts the search build once the queue has been listed, not before', async () => {
    await withApp(async (app) => {
      expect(app.services.search.isIndexing).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(app.services.search.isIndexing).toBe(true);
      await app.invoke('articles.list', {});
      await app.services.search.ready;
      expect(app.services.search.isIndexing).toBe(false);
    });
  });

  it.each([['no.such.channel'], ['__proto__'], ['toString'], [42], [null]])(
    'answers UNKNOWN_CHANNEL for %j',
    async (channel) => {
      await withApp(async (app) => {
        const result = await app.invoke(channel, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      });
    },
  );

  it('answers VALIDATION for bad input and writes nothing', async () => {
    await withApp(async (app, dataDir) => {
      const bad = [
        ['articles.create', { title: 42 }],
        ['articles.create', { tags: 'not-a-list' }],
        ['articles.get', { id: '../../etc/passwd' }],
        ['articles.save', { id: 'x', baseRev: -1, changes: {} }],
        ['articles.save', { id: 'x', baseRev: 1 }],
      ] as const;
      for (const [channel, input] of bad) {
        const result = await app.invoke(channel, input);
        expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect(await articleFiles(dataDir)).toEqual([]);
      expect(await app.invoke('articles.list', {})).toEqual({ ok: true, value: [] });
    });
  });

  it('reports the issue paths, not the rejected values', async () => {
    await withApp(async (app) => {
      const secret = 'hunter2-should-not-echo';
      const result = await app.invoke('articles.create', { title: { secret } });
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(secret);
      if (!result.ok) expect(result.error.details).toMatchObject({ issues: [{ path: 'title' }] });
    });
  });

  it('creates, gets, saves and lists through the contract', async () => {
    await withApp(async (app, dataDir) => {
      const info = await app.invoke('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { name: 'Newsdesk', host: 'web', articleCount: 0, dataDir } });

      const created = await app.invoke('articles.create', { title: 'Chợ đêm Vinh' });
      if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
      const { id, rev } = created.value as { id: string; rev: number };
      expect(await articleFiles(dataDir)).toEqual([`${id}.json`]);

      const saved = await app.invoke('articles.save', { id, baseRev: rev, changes: { lead: 'Mở cửa đến 23 giờ.' } });
      expect(saved).toMatchObject({ ok: true, value: { id, rev: rev + 1, lead: 'Mở cửa đến 23 giờ.' } });
      const stale = await app.invoke('articles.save', { id, baseRev: rev, changes: { lead: 'cũ' } });
      expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      expect(await app.invoke('articles.get', { id })).toMatchObject({ ok: true, value: { title: 'Chợ đêm Vinh', rev: rev + 1 } });
      expect(await app.invoke('articles.get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const list = await app.invoke('articles.list', {});
      expect(list).toMatchObject({ ok: true, value: [{ id, title: 'Chợ đêm Vinh' }] });
    });
  });

  it('delivers articles.changed to subscribers until they unsubscribe', async () => {
    await withApp(async (app) => {
      const seen: Array<[string, unknown]> = [];
      const unsubscribe = app.subscribe((event, payload) => seen.push([event, payload]));
      const created = await app.invoke('articles.create', { title: 'Sự kiện' });
      if (!created.ok) throw new Error('create failed');
      const { id } = created.value as { id: string };
      await app.invoke('articles.save', { id, baseRev: 1, changes: { title: 'Sự kiện 2' } });
      const articleEvents = seen.filter(([event]) => event === 'articles.changed').map(([, payload]) => payload);
      // Each event carries the changed summaries, so the queue need not list everything again.
      expect(articleEvents).toMatchObject([
        { ids: [id], reason: 'created', summaries: [{ id, rev: 1, title: 'Sự kiện' }] },
        { ids: [id], reason: 'saved', summaries: [{ id, rev: 2, title: 'Sự kiện 2' }] },
      ]);

      unsubscribe();
      const before = seen.length;
      await app.invoke('articles.save', { id, baseRev: 2, changes: { title: 'Sự kiện 3' } });
      expect(seen).toHaveLength(before);
    });
  });
});
