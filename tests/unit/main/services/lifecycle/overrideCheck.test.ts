import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleLifecycle } from '../../../../../src/main/services/lifecycle/ArticleLifecycle';
import { ProfileService } from '../../../../../src/main/services/profile/ProfileService';
import { ArticleStore, type ArticlesChanged } from '../../../../../src/main/services/store/ArticleStore';
import { NewsdeskError } from '../../../../../src/shared/errors';
import type { LexicalState } from '../../../../../src/shared/model/Article';
import type { Role } from '../../../../../src/shared/model/Profile';
import { checkArticle } from '../../../../../src/shared/publishChecks/checkArticle';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const photo = (assetId: string, credit: string) => ({ type: 'figure', version: 1, assetId, caption: 'Lãnh đạo phường thăm hỏi các hộ dân', alt: 'Hội trường đông người', credit });
const body: LexicalState = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Sáng nay, phường Nghi Thu tổ chức giao ban.' }] }, photo('p1', '')] } };
/** Complete but for two warnings: no featured photo, and photo p1 has no credit. */
const WARNED = { title: 'Cửa Lò tham gia giao ban', lead: 'Giao ban quý I.', body, byline: 'Thanh Bình', category: 'Thời sự' };

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-override-'));
  dirs.push(dataDir);
  const store = await ArticleStore.open(dataDir);
  const memory = new Map<string, unknown>();
  const profile = new ProfileService({ get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) });
  const lifecycle = new ArticleLifecycle(store, profile, { now: () => new Date('2026-03-10T02:00:00.000Z') });
  const as = (name: string, role: Role) => profile.set({ name, role });
  return { dataDir, store, lifecycle, as };
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

describe('ArticleLifecycle.overrideCheck', () => {
  it('an editor lets a warning stand: rule, target, reason, who and when are stored, the content is not touched', async () => {
    const { store, lifecycle, as } = await setup();
    const article = await store.create(WARNED, { createdBy: 'Thanh Bình' });
    as('Lê Biên Tập', 'editor');
    const seen: ArticlesChanged[] = [];
    store.changes.on((change) => seen.push(change));

    const after = await lifecycle.overrideCheck({ id: article.id, rule: 'FEATURED_MISSING', target: '', reason: '  Bài  thông báo,\nkhông có ảnh ' });
    expect(after.checkOverrides).toEqual([{ rule: 'FEATURED_MISSING', target: '', reason: 'Bài thông báo, không có ảnh', by: 'Lê Biên Tập', at: '2026-03-10T02:00:00.000Z' }]);
    expect(after).toMatchObject({ rev: article.rev + 1, contentRev: article.rev, title: article.title, state: 'draft' });
    expect(seen).toEqual([{ ids: [article.id], reason: 'overridden' }]);
    // It survives a reopen, and a writer's save based on the rev before it.
    const reopened = await ArticleStore.open(store.dataDir);
    expect((await reopened.get(article.id)).checkOverrides).toHaveLength(1);
    await reopened.close();
    const saved = await store.save(article.id, article.rev, { lead: 'Giao ban quý I năm 2026.' });
    expect(saved.checkOverrides).toEqual(after.checkOverrides);
    expect(checkArticle(saved, saved.checkOverrides).find((issue) => issue.code === 'FEATURED_MISSING')?.override?.reason).toBe('Bài thông báo, không có ảnh');
  });

  it('overrides a figure’s warning for that photo only; a second decision replaces the first', async () => {
    const { store, lifecycle, as } = await setup();
    const twoPhotos = { ...WARNED, body: { root: { ...body.root, children: [...body.root.children, photo('p2', '')] } } };
    const article = await store.create(twoPhotos);
    as('Lê Biên Tập', 'editor');
    await lifecycle.overrideCheck({ id: article.id, rule: 'FIGURE_CREDIT_MISSING', target: 'p2', reason: 'Ảnh tư liệu' });
    const after = await lifecycle.overrideCheck({ id: article.id, rule: 'FIGURE_CREDIT_MISSING', target: 'p2', reason: 'Ảnh tư liệu của UBND phường' });
    expect(after.checkOverrides.map((o) => [o.rule, o.target, o.reason])).toEqual([['FIGURE_CREDIT_MISSING', 'p2', 'Ảnh tư liệu của UBND phường']]);
    const credits = checkArticle(after, after.checkOverrides).filter((issue) => issue.code === 'FIGURE_CREDIT_MISSING');
    expect(credits.map((issue) => [issue.assetId, issue.override?.reason ?? null])).toEqual([
      ['p1', null],
      ['p2', 'Ảnh tư liệu của UBND phường'],
    ]);
  });

  it('refuses a reporter (and a photographer), writing nothing', async () => {
    const { store, lifecycle, as } = await setup();
    const article = await store.create(WARNED, { createdBy: 'Thanh Bình' });
    for (const role of ['reporter', 'photographer'] as const) {
      as('Thanh Bình', role);
      const error = await refusal(lifecycle.overrideCheck({ id: article.id, rule: 'FEATURED_MISSING', target: '', reason: 'Không cần ảnh' }));
      expect(error.code).toBe('OVERRIDE_REFUSED');
      expect(error.details).toMatchObject({ reason: 'not-editor', role });
    }
    expect(await store.get(article.id)).toMatchObject({ rev: article.rev, checkOverrides: [] });
  });

  it('refuses a blocking check, a check that passes, an unknown one and an empty reason', async () => {
    const { store, lifecycle, as } = await setup();
    const article = await store.create({ ...WARNED, lead: '' });
    as('Lê Biên Tập', 'editor');
    const reasonOf = async (rule: string, reason = 'Lý do', target = '') =>
      (await refusal(lifecycle.overrideCheck({ id: article.id, rule, target, reason }))).details?.reason;
    expect(await reasonOf('LEAD_MISSING')).toBe('blocking');
    expect(await reasonOf('TITLE_MISSING')).toBe('no-such-issue');
    expect(await reasonOf('FIGURE_CREDIT_MISSING', 'Lý do', 'not-a-photo-here')).toBe('no-such-issue');
    expect(await reasonOf('NO_SUCH_RULE')).toBe('no-such-issue');
    expect(await reasonOf('FEATURED_MISSING', ' \n ')).toBe('reason-required');
    expect(await store.get(article.id)).toMatchObject({ rev: article.rev, checkOverrides: [] });
  });

  it('a stale baseRev is a CONFLICT', async () => {
    const { store, lifecycle, as } = await setup();
    const article = await store.create(WARNED);
    await store.save(article.id, article.rev, { lead: 'Sửa.' });
    as('Lê Biên Tập', 'editor');
    const error = await refusal(lifecycle.overrideCheck({ id: article.id, rule: 'FEATURED_MISSING', target: '', reason: 'Lý do', baseRev: article.rev }));
    expect(error.code).toBe('CONFLICT');
  });
});
