import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleLifecycle } from '../../../../../src/main/services/lifecycle/ArticleLifecycle';
import { ProfileService } from '../../../../../src/main/services/profile/ProfileService';
import { ArticleStore, type ArticlesChanged } from '../../../../../src/main/services/store/ArticleStore';
import { NewsdeskError } from '../../../../../src/shared/errors';
import type { Article, LexicalState } from '../../../../../src/shared/model/Article';
import { articleBundleSchema } from '../../../../../src/shared/model/ArticleBundle';
import type { Role } from '../../../../../src/shared/model/Profile';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function body(text: string): LexicalState {
  return { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } };
}
const COMPLETE = { title: 'Chợ phiên Bến Lành', lead: 'Chợ họp mỗi sáng chủ nhật.', body: body('Người dân đi chợ từ sớm.'), byline: 'Thanh Bình', category: 'Xã hội' };

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-lifecycle-'));
  dirs.push(dataDir);
  const store = await ArticleStore.open(dataDir);
  const memory = new Map<string, unknown>();
  const profile = new ProfileService({ get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) });
  const submitted: Article[] = [];
  const lifecycle = new ArticleLifecycle(store, profile, {
    now: () => new Date('2026-03-10T02:00:00.000Z'),
    onSubmitted: async (article) => {
      submitted.push(article);
    },
  });
  const as = (name: string, role: Role) => profile.set({ name, role });
  return { dataDir, store, profile, lifecycle, submitted, as };
}

async function refusal(promise: Promise<unknown>): Promise<NewsdeskError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NewsdeskError);
    return error as NewsdeskError;
  }
  throw new Error('expected a refusal');
}

describe('ArticleLifecycle', () => {
  it('runs submit → review → return with a note → resubmit → approve, with the role from the profile', async () => {
    const { store, lifecycle, as, submitted } = await setup();
    as('Thanh Bình', 'reporter');
    const draft = await store.create(COMPLETE, { createdBy: 'Thanh Bình' });

    const sent = await lifecycle.transition({ id: draft.id, to: 'submitted' });
    expect(sent).toMatchObject({ state: 'submitted', rev: draft.rev + 1 });
    expect(submitted.map((a) => a.state)).toEqual(['submitted']);

    // Still a reporter: taking into review is the desk's job.
    expect((await refusal(lifecycle.transition({ id: draft.id, to: 'in_review' }))).details).toMatchObject({
      reason: 'not-allowed',
      role: 'reporter',
    });

    as('Thanh Bình', 'editor');
    await lifecycle.transition({ id: draft.id, to: 'in_review' });
    expect((await refusal(lifecycle.transition({ id: draft.id, to: 'returned' }))).details?.reason).toBe('note-required');
    const returned = await lifecycle.transition({ id: draft.id, to: 'returned', note: 'Thiếu ý kiến người dân' });
    expect(returned).toMatchObject({ state: 'returned', returnNote: 'Thiếu ý kiến người dân' });
    expect((await store.get(draft.id)).returnNote).toBe('Thiếu ý kiến người dân');

    as('Thanh Bình', 'reporter');
    await lifecycle.transition({ id: draft.id, to: 'submitted' });
    as('Biên Tập', 'editor');
    await lifecycle.transition({ id: draft.id, to: 'in_review' });
    const approved = await lifecycle.transition({ id: draft.id, to: 'approved' });
    expect(approved.state).toBe('approved');
    expect(approved.returnNote).toBeUndefined();
    expect(approved.rev).toBe(draft.rev + 6);
    expect(submitted).toHaveLength(2);
  });

  it('updates the index summary and announces the change', async () => {
    const { store, lifecycle, as } = await setup();
    as('', 'editor');
    const draft = await store.create(COMPLETE);
    const seen: ArticlesChanged[] = [];
    store.changes.on((change) => seen.push(change));
    await lifecycle.transition({ id: draft.id, to: 'spiked' });
    expect(store.list().find((s) => s.id === draft.id)).toMatchObject({ state: 'spiked', rev: draft.rev + 1 });
    expect(seen).toEqual([{ ids: [draft.id], reason: 'transitioned' }]);
  });

  it('refuses to submit an incomplete article, listing what is missing, and writes nothing', async () => {
    const { store, lifecycle, as, submitted } = await setup();
    as('An', 'reporter');
    const draft = await store.create({ title: 'Chỉ có tiêu đề' }, { createdBy: 'An' });
    const error = await refusal(lifecycle.transition({ id: draft.id, to: 'submitted' }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details?.reason).toBe('incomplete');
    expect((error.details?.issues as { code: string }[]).map((issue) => issue.code)).toEqual([
      'LEAD_MISSING',
      'BODY_EMPTY',
      'BYLINE_MISSING',
    ]);
    expect(await store.get(draft.id)).toMatchObject({ state: 'draft', rev: draft.rev });
    expect(submitted).toEqual([]);
  });

  it('submits despite caption lint warnings, and refuses on a camera file name as caption, listing only what blocks', async () => {
    const { store, lifecycle, as } = await setup();
    as('An', 'reporter');
    const figure = (caption: string) => ({ type: 'figure', version: 1, assetId: 'a'.repeat(32), caption, alt: 'Hội trường đông người', credit: '' });
    const withPhoto = (caption: string): LexicalState => ({ root: { type: 'root', children: [...body('Người dân đi chợ từ sớm.').root.children, figure(caption)] } });
    // A short caption and no credit: warnings only.
    const warned = await store.create({ ...COMPLETE, body: withPhoto('Quang cảnh chợ phiên') }, { createdBy: 'An' });
    expect((await lifecycle.transition({ id: warned.id, to: 'submitted' })).state).toBe('submitted');

    const named = await store.create({ ...COMPLETE, body: withPhoto('IMG_20170728_091500') }, { createdBy: 'An' });
    const error = await refusal(lifecycle.transition({ id: named.id, to: 'submitted' }));
    expect(error.details?.issues).toEqual([{ code: 'FIGURE_CAPTION_FILENAME', field: 'figure', figure: 1, part: 'caption' }]);
  });

  it('a writer may not submit or spike someone else’s draft', async () => {
    const { store, lifecycle, as } = await setup();
    const draft = await store.create(COMPLETE, { createdBy: 'Thanh Bình' });
    as('Người Khác', 'reporter');
    expect((await refusal(lifecycle.transition({ id: draft.id, to: 'submitted' }))).details?.reason).toBe('not-allowed');
    expect((await refusal(lifecycle.transition({ id: draft.id, to: 'spiked' }))).details?.reason).toBe('not-allowed');
    as('thanh bình', 'reporter');
    expect((await lifecycle.transition({ id: draft.id, to: 'spiked' })).spikedFrom).toBe('draft');
  });

  it('a stale baseRev is a CONFLICT, not a transition', async () => {
    const { store, lifecycle, as } = await setup();
    as('An', 'reporter');
    const draft = await store.create(COMPLETE, { createdBy: 'An' });
    await store.save(draft.id, draft.rev, { lead: 'Sapo mới.' });
    const error = await refusal(lifecycle.transition({ id: draft.id, to: 'submitted', baseRev: draft.rev }));
    expect(error.code).toBe('CONFLICT');
  });

  it('a state change does not make the open editor’s next save a conflict; a real edit elsewhere still does', async () => {
    const { store, lifecycle, as } = await setup();
    as('An', 'reporter');
    const draft = await store.create(COMPLETE, { createdBy: 'An' });
    const edited = await store.save(draft.id, draft.rev, { lead: 'Sapo mới.' });
    // The editor is based on `edited.rev`; the article moves on without it.
    await lifecycle.transition({ id: draft.id, to: 'submitted' });
    as('Ed', 'editor');
    await lifecycle.transition({ id: draft.id, to: 'in_review' });
    const saved = await store.save(draft.id, edited.rev, { title: 'Tiêu đề sửa' });
    expect(saved).toMatchObject({ title: 'Tiêu đề sửa', lead: 'Sapo mới.', state: 'in_review', rev: edited.rev + 3 });
    // Someone else's edit since the editor's base is a conflict, state changes or not.
    await store.save(draft.id, saved.rev, { lead: 'Sửa ở cửa sổ khác.' });
    await lifecycle.transition({ id: draft.id, to: 'approved' });
    expect((await refusal(store.save(draft.id, saved.rev, { title: 'Muộn' }))).code).toBe('CONFLICT');
  });

  it('two concurrent moves from the same state: exactly one wins', async () => {
    const { store, lifecycle, as } = await setup();
    as('Ed', 'editor');
    const article = await store.create(COMPLETE, { createdBy: 'Ed' });
    await lifecycle.transition({ id: article.id, to: 'submitted' });
    const results = await Promise.allSettled([
      lifecycle.transition({ id: article.id, to: 'in_review' }),
      lifecycle.transition({ id: article.id, to: 'in_review' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('bulk spike and restore report per id, and restore puts each article back where it was', async () => {
    const { store, lifecycle, as } = await setup();
    as('Ed', 'editor');
    const a = await store.create(COMPLETE);
    const b = await store.create(COMPLETE);
    await lifecycle.transition({ id: b.id, to: 'submitted' });
    await lifecycle.transition({ id: b.id, to: 'in_review' });
    const c = await store.create(COMPLETE);
    await lifecycle.transition({ id: c.id, to: 'spiked' });

    const spiked = await lifecycle.bulk([a.id, b.id, c.id, 'missing-id'], 'spike');
    expect(spiked).toEqual([
      { id: a.id, ok: true, state: 'spiked' },
      { id: b.id, ok: true, state: 'spiked' },
      { id: c.id, ok: false, error: expect.objectContaining({ code: 'INVALID_TRANSITION' }) },
      { id: 'missing-id', ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    ]);
    const restored = await lifecycle.bulk([a.id, b.id, c.id], 'restore');
    expect(restored).toEqual([
      { id: a.id, ok: true, state: 'draft' },
      { id: b.id, ok: true, state: 'in_review' },
      { id: c.id, ok: true, state: 'draft' },
    ]);
    expect((await store.get(b.id)).spikedFrom).toBeUndefined();
  });

  it('bulk as a reporter spikes only their own drafts', async () => {
    const { store, lifecycle, as } = await setup();
    const mine = await store.create(COMPLETE, { createdBy: 'An' });
    const theirs = await store.create(COMPLETE, { createdBy: 'Bình' });
    as('An', 'reporter');
    const results = await lifecycle.bulk([mine.id, theirs.id], 'spike');
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('exports the stored articles as a versioned bundle, noting ids it could not find', async () => {
    const { dataDir, store, lifecycle } = await setup();
    const a = await store.create({ ...COMPLETE, title: 'Một' });
    const b = await store.create({ ...COMPLETE, title: 'Hai' });
    const bundle = articleBundleSchema.parse(await lifecycle.export([b.id, a.id, 'gone', a.id]));
    expect(bundle.articles.map((article) => article.title)).toEqual(['Hai', 'Một']);
    expect(bundle.missing).toEqual(['gone']);
    expect(bundle.exportedAt).toBe('2026-03-10T02:00:00.000Z');
    const onDisk = JSON.parse(await readFile(join(dataDir, 'articles', `${a.id}.json`), 'utf8')) as unknown;
    expect(bundle.articles[1]).toEqual(onDisk);
  });
});
