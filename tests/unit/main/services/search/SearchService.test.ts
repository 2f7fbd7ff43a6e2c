import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../../../src/main/services/search/SearchService';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { emptyBody, type LexicalState } from '../../../../../src/shared/model/Article';

function paragraph(text: string) {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }] };
}
function bodyOf(...children: unknown[]): LexicalState {
  const body = emptyBody();
  body.root.children = children;
  return body;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openStore(): Promise<ArticleStore> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-search-'));
  const store = await ArticleStore.open(dir);
  cleanups.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}

async function openSearch(store: ArticleStore): Promise<SearchService> {
  const search = new SearchService(store);
  cleanups.unshift(() => search.close());
  await search.ready;
  return search;
}

/** Waits until queued index updates from store events have run. */
async function settle(search: SearchService): Promise<void> {
  await (search as unknown as { queue: Promise<unknown> }).queue;
}

describe('SearchService', () => {
  it('matches without diacritics and ranks the exact spelling first, both ways', async () => {
    const store = await openStore();
    const marked = await store.create({ title: 'Du lịch Cửa Lò hè này', body: bodyOf(paragraph('Bãi biển Cửa Lò đông khách.')) });
    const bare = await store.create({ title: 'Tin ngắn', body: bodyOf(paragraph('Khách về Cua Lo rất sớm.')) });
    await store.create({ title: 'Chuyện khác', body: bodyOf(paragraph('Không liên quan gì cả.')) });
    const search = await openSearch(store);

    const folded = await search.query('cua lo');
    expect(folded.hits.map((h) => h.id)).toEqual([bare.id, marked.id]);
    expect(folded.hits[0]!.exact).toBe(true);
    expect(folded.hits[1]!.exact).toBe(false);
    expect(folded.hits[0]!.score).toBeGreaterThan(folded.hits[1]!.score);

    const exact = await search.query('Cửa Lò');
    expect(exact.hits.map((h) => h.id)).toEqual([marked.id, bare.id]);
    expect((await search.query('CỬA LÒ')).hits.map((h) => h.id)).toEqual([marked.id, bare.id]);
  });

  it('folds đ: "dong" and "Đông" find "đông"', async () => {
    const store = await openStore();
    const article = await store.create({ title: 'Trời Đông giá rét', lead: 'Đường đông người.' });
    const search = await openSearch(store);
    expect((await search.query('dong')).hits.map((h) => h.id)).toEqual([article.id]);
    expect((await search.query('duong')).hits.map((h) => h.id)).toEqual([article.id]);
    expect((await search.query('tây')).hits).toEqual([]);
  });

  it('finds words in captions, tags and the byline, and says where', async () => {
    const store = await openStore();
    const figure = { type: 'figure', version: 1, assetId: 'as-1', caption: 'Ngư dân kéo lưới ở bến Nghi Thiết', alt: 'thuyền thúng', credit: 'Ảnh: Hồ Quỳnh' };
    const article = await store.create({
      title: 'Mùa cá',
      tags: ['thủy sản', 'biển đảo'],
      byline: 'Phan Văn Khải',
      body: bodyOf(paragraph('Sáng nay.'), figure),
    });
    const search = await openSearch(store);
    for (const [q, field] of [
      ['nghi thiet', 'captions'],
      ['thuyền thúng', 'captions'],
      ['quynh', 'captions'],
      ['thuy san', 'tags'],
      ['khai', 'byline'],
    ] as const) {
      const { hits } = await search.query(q);
      expect(hits.map((h) => h.id), q).toEqual([article.id]);
      expect(hits[0]!.snippets.map((s) => s.field), q).toContain(field);
    }
  });

  it('highlights ranges over the original text, marks and case as written', async () => {
    const store = await openStore();
    await store.create({ title: 'Thị xã Cửa Lò', lead: 'Sáng nay ở cửa lò nướng bánh.' });
    const search = await openSearch(store);
    const [hit] = (await search.query('cua lo')).hits;
    const marked = hit!.snippets.flatMap((s) => s.ranges.map(([a, b]) => s.text.slice(a, b)));
    expect(marked).toEqual(['Cửa', 'Lò', 'cửa', 'lò']);
    const title = hit!.snippets.find((s) => s.field === 'title')!;
    expect(title.text).toBe('Thị xã Cửa Lò');
  });

  it('matches the last syllable as a prefix while typing, and highlights the typed part', async () => {
    const store = await openStore();
    const article = await store.create({ title: 'Chuyển đổi số ở phường' });
    const search = await openSearch(store);
    const { hits } = await search.query('chuyển đ');
    expect(hits.map((h) => h.id)).toEqual([article.id]);
    const title = hits[0]!.snippets.find((s) => s.field === 'title')!;
    expect(title.ranges.map(([a, b]) => title.text.slice(a, b))).toEqual(['Chuyển', 'đ']);
  });

  it('re-indexes an article when it is saved, and forgets the words it lost', async () => {
    const store = await openStore();
    const article = await store.create({ title: 'Lúa mùa', body: bodyOf(paragraph('Nông dân gặt lúa.')) });
    const search = await openSearch(store);
    expect((await search.query('sầu riêng')).hits).toEqual([]);

    await store.save(article.id, article.rev, { body: bodyOf(paragraph('Nông dân trồng sầu riêng.')) });
    await settle(search);
    expect((await search.query('sau rieng')).hits.map((h) => h.id)).toEqual([article.id]);
    expect((await search.query('gặt')).hits).toEqual([]);

    const created = await store.create({ title: 'Sầu riêng được mùa' });
    await settle(search);
    expect((await search.query('sầu riêng')).hits.map((h) => h.id).sort()).toEqual([article.id, created.id].sort());
  });

  it('finds a save as soon as its change is announced (no race with the change notice)', async () => {
    const store = await openStore();
    const article = await store.create({ title: 'Lúa mùa' });
    const search = await openSearch(store);
    const seen: string[][] = [];
    store.changes.on(() => {
      // What a renderer asking again on `articles.changed` gets, at the earliest moment it could ask.
      queueMicrotask(() => void search.query('sau rieng').then((r) => seen.push(r.hits.map((h) => h.id))));
    });
    await store.save(article.id, article.rev, { lead: 'Trồng sầu riêng.' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([[article.id]]);
  });

  it('builds in the background: the store answers while it runs, and a save during it wins', async () => {
    const store = await openStore();
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) ids.push((await store.create({ title: `Bài số ${i} về giao thông` })).id);
    const search = new SearchService(store, { batchSize: 5 });
    cleanups.unshift(() => search.close());
    expect(search.isIndexing).toBe(true);
    expect(store.list()).toHaveLength(60); // not blocked by the build
    const first = await store.get(ids[59]!);
    await store.save(first.id, first.rev, { title: 'Bài cuối về thủy lợi' });
    await search.ready;
    await settle(search);
    expect(search.isIndexing).toBe(false);
    expect(search.size).toBe(60);
    expect((await search.query('thuy loi')).hits.map((h) => h.id)).toEqual([ids[59]]);
    expect((await search.query('giao thong', 100)).hits).toHaveLength(59);
  });

  it('with startAfterMs, builds only once told to (or once the time is up)', async () => {
    const store = await openStore();
    const article = await store.create({ title: 'Đường ven biển' });
    const search = new SearchService(store, { startAfterMs: 60_000 });
    cleanups.unshift(() => search.close());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(search.isIndexing).toBe(true);
    expect(search.size).toBe(0);
    search.startBuilding();
    await search.ready;
    expect((await search.query('duong')).hits.map((h) => h.id)).toEqual([article.id]);

    const timed = new SearchService(store, { startAfterMs: 10 });
    cleanups.unshift(() => timed.close());
    await timed.ready;
    expect(timed.size).toBe(1);
  });

  it('returns nothing for a query without letters or digits', async () => {
    const store = await openStore();
    await store.create({ title: 'Có chữ' });
    const search = await openSearch(store);
    expect(await search.query(' …!? ')).toEqual({ hits: [], indexing: false });
  });
});
