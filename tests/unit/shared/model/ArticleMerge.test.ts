import { describe, expect, it } from 'vitest';
import { paragraphNode, textNode } from '../../../../src/shared/content/serializedNodes';
import { NewsdeskError } from '../../../../src/shared/errors';
import {
  articleMergeSchema,
  autoMerged,
  isClean,
  resolveMerge,
  unresolvedConflicts,
  type ArticleMerge,
} from '../../../../src/shared/model/ArticleMerge';

const p = (text: string) => paragraphNode([textNode(text)]);
const same = <T>(value: T) => ({ kind: 'same' as const, value });

/** A merge as mergeArticle makes one: a title conflict and one body conflict. */
function conflicted(): ArticleMerge {
  return {
    fields: {
      title: { kind: 'conflict', base: 'Giao ban quý III', local: 'Cửa Lò giao ban quý III', remote: 'Hội nghị giao ban quý III' },
      lead: { kind: 'remote', value: 'Thị xã Cửa Lò đánh giá kết quả quý III.' },
      byline: same('Nguyễn Văn Hùng'),
      dateline: same('Cửa Lò'),
      category: { kind: 'local', value: 'Kinh tế' },
      tags: { kind: 'merged', value: ['Cửa Lò', 'du lịch', 'ngân sách'] },
      featuredAssetId: same(null),
    },
    body: [
      { kind: 'ok', blocks: [p('Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị.')] },
      {
        kind: 'conflict',
        id: 'body-1',
        base: [p('Thị xã đón hơn 1,2 triệu lượt khách.')],
        local: [p('Thị xã đón hơn 1,2 triệu lượt khách trong quý III.')],
        remote: [p('Thị xã đón 1.215.000 lượt khách.')],
      },
      { kind: 'ok', blocks: [p('Hội nghị thống nhất nhiệm vụ quý IV.')] },
    ],
    bodyRoot: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0 },
    clean: false,
  };
}

const codeOf = (run: () => unknown): { code: string; details: unknown } => {
  try {
    run();
  } catch (error) {
    if (error instanceof NewsdeskError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('did not throw');
};

describe('ArticleMerge', () => {
  it('is valid by its schema, and the schema refuses an unknown kind', () => {
    expect(articleMergeSchema.parse(conflicted())).toEqual(conflicted());
    const bad = { ...conflicted(), fields: { ...conflicted().fields, lead: { kind: 'guess', value: '' } } };
    expect(articleMergeSchema.safeParse(bad).success).toBe(false);
  });

  it('names every conflict still open, fields first', () => {
    expect(unresolvedConflicts(conflicted())).toEqual(['title', 'body-1']);
    expect(isClean(conflicted())).toBe(false);
  });

  it('refuses to resolve while a conflict has no choice: SYNC_CONFLICT names what is open', () => {
    expect(codeOf(() => autoMerged(conflicted()))).toEqual({ code: 'SYNC_CONFLICT', details: { unresolved: ['title', 'body-1'] } });
    expect(codeOf(() => resolveMerge(conflicted(), { title: 'local' }))).toEqual({ code: 'SYNC_CONFLICT', details: { unresolved: ['body-1'] } });
  });

  it('refuses "both" for a text field: two titles cannot both be kept', () => {
    expect(codeOf(() => resolveMerge(conflicted(), { title: 'both', 'body-1': 'local' })).code).toBe('VALIDATION');
  });

  it('resolves by the choices: fields by name, body conflicts by id, "both" as local then remote', () => {
    const merge = conflicted();
    const chosen = resolveMerge(merge, { title: 'remote', 'body-1': 'both' });
    expect(chosen).toEqual({
      title: 'Hội nghị giao ban quý III',
      lead: 'Thị xã Cửa Lò đánh giá kết quả quý III.',
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [
            p('Sáng 12/10, UBND thị xã Cửa Lò tổ chức hội nghị.'),
            p('Thị xã đón hơn 1,2 triệu lượt khách trong quý III.'),
            p('Thị xã đón 1.215.000 lượt khách.'),
            p('Hội nghị thống nhất nhiệm vụ quý IV.'),
          ],
        },
      },
      byline: 'Nguyễn Văn Hùng',
      dateline: 'Cửa Lò',
      category: 'Kinh tế',
      tags: ['Cửa Lò', 'du lịch', 'ngân sách'],
      featuredAssetId: null,
    });
    expect(resolveMerge(merge, { title: 'local', 'body-1': 'remote' }).body.root.children).toHaveLength(3);
    // The merge itself is left as it was: the dialog can resolve again with other choices.
    expect(merge).toEqual(conflicted());
  });

  it('resolves a clean merge without choices', () => {
    const merge = conflicted();
    merge.fields.title = same('Giao ban quý III');
    merge.body = [{ kind: 'ok', blocks: [p('Một đoạn.')] }];
    merge.clean = true;
    expect(isClean(merge)).toBe(true);
    expect(autoMerged(merge).title).toBe('Giao ban quý III');
  });
});
