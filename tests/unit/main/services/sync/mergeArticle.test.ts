import fc from 'fast-check';
import { diff3Merge } from 'node-diff3';
import { describe, expect, it } from 'vitest';
import { mergeArticle } from '../../../../../src/main/services/sync/mergeArticle';
import { blockKey } from '../../../../../src/shared/content/blockKey';
import { figureNode, paragraphNode, textNode, type SerializedBlock } from '../../../../../src/shared/content/serializedNodes';
import { NewsdeskError } from '../../../../../src/shared/errors';
import type { ArticleContent } from '../../../../../src/shared/model/ArticleContent';
import { articleMergeSchema, autoMerged, isClean, resolveMerge, type ArticleMerge } from '../../../../../src/shared/model/ArticleMerge';
import { P1, P2, P3, P4, P5, PHOTO_BAI_BIEN, PHOTO_CANG, PHOTO_HOI_NGHI, baseArticle, para, withBlocks } from './articleFixtures';

const keysOf = (content: ArticleContent) => content.body.root.children.map(blockKey);
const conflictsOf = (merge: ArticleMerge) => merge.body.filter((chunk) => chunk.kind === 'conflict');
/** The figure as the portal gives it back: none of the fields our block attributes carried. */
const fromPortal = ({ sourceName: _s, captionMissing: _c, ...figure }: typeof PHOTO_HOI_NGHI) => ({
  ...figure,
  src: 'http://127.0.0.1/wp-content/uploads/2026/10/hoi-nghi.jpg',
});

describe('mergeArticle: one side or none changed', () => {
  it('merges an untouched article with itself into the same article, every field "same"', () => {
    const base = baseArticle();
    const merge = mergeArticle(base, baseArticle(), baseArticle());
    expect(merge.clean).toBe(true);
    expect(Object.values(merge.fields).map((field) => field.kind)).toEqual(Array(7).fill('same'));
    expect(merge.body).toHaveLength(1);
    expect(autoMerged(merge)).toEqual(base);
    expect(() => articleMergeSchema.parse(merge)).not.toThrow();
  });

  it('takes a local-only edit of the title and one paragraph', () => {
    const base = baseArticle();
    const local = withBlocks({ ...base, title: 'Cửa Lò giao ban quý III: du lịch tăng trưởng mạnh' }, P1, para('Chủ tịch UBND thị xã chủ trì.'), PHOTO_HOI_NGHI, P3, P4, P5);
    const merge = mergeArticle(base, local, baseArticle());
    expect(merge.clean).toBe(true);
    expect(merge.fields.title).toEqual({ kind: 'local', value: local.title });
    expect(merge.fields.lead.kind).toBe('same');
    expect(autoMerged(merge)).toEqual(local);
  });

  it('takes a remote-only edit of the lead and one paragraph, and keeps the local nodes of unchanged blocks', () => {
    const base = baseArticle();
    const local = baseArticle();
    const p3web = para('Trong quý III, thị xã đón gần 1,3 triệu lượt khách, doanh thu du lịch đạt 2.150 tỷ đồng.');
    // The portal lost the photo's camera file name and holds its own URL: still the same block.
    const remote = withBlocks({ ...base, lead: 'Cửa Lò đánh giá quý III, bàn nhiệm vụ quý IV.' }, P1, P2, fromPortal(PHOTO_HOI_NGHI), p3web, P4, P5);
    const merge = mergeArticle(base, local, remote);
    expect(merge.clean).toBe(true);
    expect(merge.fields.lead).toEqual({ kind: 'remote', value: remote.lead });
    const merged = autoMerged(merge);
    expect(merged.body.root.children).toEqual([P1, P2, PHOTO_HOI_NGHI, p3web, P4, P5]);
    expect(merged.body.root.children[2]).toBe(local.body.root.children[2]);
    expect(merged.body.root.children[3]).toBe(remote.body.root.children[3]);
  });

  it('keeps the local node of a photo the portal moved: its camera file name survives the move', () => {
    const base = baseArticle();
    const merge = mergeArticle(base, baseArticle(), withBlocks(base, P1, P2, P3, P4, fromPortal(PHOTO_HOI_NGHI), P5));
    const merged = autoMerged(merge).body.root.children;
    expect(merged).toEqual([P1, P2, P3, P4, PHOTO_HOI_NGHI, P5]);
    expect(merged[4]).toMatchObject({ sourceName: 'IMG_4426' });
  });

  it('does not count Lexical bookkeeping as a change: direction, textFormat, text split into runs, justify', () => {
    const base = baseArticle();
    const noisy = (text: string) => ({
      ...paragraphNode([textNode(text.slice(0, 10)), textNode(text.slice(10))]),
      direction: 'ltr' as const,
      textFormat: 0,
    });
    const p2text = (P2.children[0] as { text: string }).text;
    const remote = withBlocks(baseArticle(), P1, { ...noisy(p2text), format: 'justify' }, PHOTO_HOI_NGHI, P3, P4, P5);
    const merge = mergeArticle(base, baseArticle(), remote);
    expect(merge.body).toEqual([{ kind: 'ok', blocks: base.body.root.children }]);
  });
});

describe('mergeArticle: both sides changed', () => {
  it('keeps both edits when they touch different paragraphs, neighbours included', () => {
    const base = baseArticle();
    const p2local = para('Chủ tịch UBND thị xã Nguyễn Văn Hùng chủ trì hội nghị.');
    const p3remote = para('Trong quý III, thị xã đón hơn 1,2 triệu lượt khách (tăng 15%).');
    const p5remote = para('Hội nghị thống nhất năm nhiệm vụ trọng tâm quý IV.');
    const local = withBlocks(base, P1, p2local, PHOTO_HOI_NGHI, P3, P4, P5);
    const remote = withBlocks(base, P1, P2, PHOTO_HOI_NGHI, p3remote, P4, p5remote);
    const merge = mergeArticle(base, local, remote);
    expect(merge.clean).toBe(true);
    expect(autoMerged(merge).body.root.children).toEqual([P1, p2local, PHOTO_HOI_NGHI, p3remote, P4, p5remote]);

    // Directly neighbouring paragraphs: what diff3Merge alone would report as one conflict.
    const p4local = para('Các phường Nghi Thủy, Nghi Tân, Nghi Hòa và Thu Thủy hoàn thành sớm kế hoạch thu ngân sách.');
    const nextLocal = withBlocks(base, P1, P2, PHOTO_HOI_NGHI, P3, p4local, P5);
    expect(diff3Merge(keysOf(nextLocal), keysOf(base), keysOf(remote)).some((region) => region.conflict)).toBe(true);
    const next = mergeArticle(base, nextLocal, remote);
    expect(next.clean).toBe(true);
    expect(autoMerged(next).body.root.children).toEqual([P1, P2, PHOTO_HOI_NGHI, p3remote, p4local, p5remote]);
  });

  it('reports both texts when both edit the same paragraph differently, and resolves by choice', () => {
    const base = baseArticle();
    const mine = para('Trong quý III, Cửa Lò đón hơn 1,2 triệu lượt khách.');
    const theirs = para('Trong quý III, thị xã đón 1.215.000 lượt khách, doanh thu 2.150 tỷ đồng.');
    const local = withBlocks(base, P1, P2, PHOTO_HOI_NGHI, mine, P4, P5);
    const remote = withBlocks(base, P1, P2, PHOTO_HOI_NGHI, theirs, P4, P5);
    const merge = mergeArticle(base, local, remote);
    expect(merge.clean).toBe(false);
    expect(isClean(merge)).toBe(false);
    expect(merge.body).toEqual([
      { kind: 'ok', blocks: [P1, P2, PHOTO_HOI_NGHI] },
      { kind: 'conflict', id: 'body-1', base: [P3], local: [mine], remote: [theirs] },
      { kind: 'ok', blocks: [P4, P5] },
    ]);
    expect(() => autoMerged(merge)).toThrow(NewsdeskError);
    expect(resolveMerge(merge, { 'body-1': 'local' }).body.root.children).toEqual(local.body.root.children);
    expect(resolveMerge(merge, { 'body-1': 'remote' }).body.root.children).toEqual(remote.body.root.children);
    expect(resolveMerge(merge, { 'body-1': 'both' }).body.root.children).toEqual([P1, P2, PHOTO_HOI_NGHI, mine, theirs, P4, P5]);
  });

  it('is a conflict when the portal deleted a paragraph that was edited here', () => {
    const base = baseArticle();
    const p4local = para('Các phường Nghi Thủy, Nghi Tân và Thu Thủy hoàn thành kế hoạch thu ngân sách trước 2 tháng.');
    const merge = mergeArticle(base, withBlocks(base, P1, P2, PHOTO_HOI_NGHI, P3, p4local, P5), withBlocks(base, P1, P2, PHOTO_HOI_NGHI, P3, P5));
    expect(conflictsOf(merge)).toEqual([{ kind: 'conflict', id: 'body-1', base: [P4], local: [p4local], remote: [] }]);
    // Taking the portal's side is the deletion; nothing was lost without the writer choosing it.
    expect(resolveMerge(merge, { 'body-1': 'remote' }).body.root.children).toEqual([P1, P2, PHOTO_HOI_NGHI, P3, P5]);
  });

  it('takes a deletion on one side when the other side left that paragraph alone', () => {
    const base = baseArticle();
    const p1local = para('Sáng 12/10, UBND thị xã Cửa Lò tổ chức giao ban quý III.');
    const merge = mergeArticle(base, withBlocks(base, p1local, P2, PHOTO_HOI_NGHI, P3, P4, P5), withBlocks(base, P1, P2, PHOTO_HOI_NGHI, P3, P5));
    expect(autoMerged(merge).body.root.children).toEqual([p1local, P2, PHOTO_HOI_NGHI, P3, P5]);
  });

  it('keeps figures inserted on both sides at different places; the same figure inserted twice once; different ones at one place conflict', () => {
    const base = baseArticle();
    const local = withBlocks(base, P1, PHOTO_BAI_BIEN, P2, PHOTO_HOI_NGHI, P3, P4, P5);
    const remote = withBlocks(base, P1, P2, PHOTO_HOI_NGHI, P3, P4, PHOTO_CANG, P5);
    expect(autoMerged(mergeArticle(base, local, remote)).body.root.children).toEqual([P1, PHOTO_BAI_BIEN, P2, PHOTO_HOI_NGHI, P3, P4, PHOTO_CANG, P5]);

    const same = mergeArticle(base, local, withBlocks(base, P1, fromPortal(PHOTO_BAI_BIEN), P2, PHOTO_HOI_NGHI, P3, P4, P5));
    expect(autoMerged(same).body.root.children).toEqual(local.body.root.children);

    const clash = mergeArticle(base, local, withBlocks(base, P1, PHOTO_CANG, P2, PHOTO_HOI_NGHI, P3, P4, P5));
    expect(conflictsOf(clash)).toEqual([{ kind: 'conflict', id: 'body-1', base: [], local: [PHOTO_BAI_BIEN], remote: [PHOTO_CANG] }]);
  });

  it('keeps one photo both sides inserted, when the portal has it as part of its edit of the paragraph before it', () => {
    // The push of [P1, P2, P3, photo] was saved by WordPress but its answer was cut: the base is
    // still the version before the photo. Meanwhile an editor rewrote P3 on the portal.
    const base = withBlocks(baseArticle(), P1, P2, P3);
    const p3web = para('Trong quý III, thị xã đón 1.215.000 lượt khách.');
    const local = withBlocks(base, P1, P2, P3, PHOTO_BAI_BIEN);
    const remote = withBlocks(base, P1, P2, p3web, fromPortal(PHOTO_BAI_BIEN));
    // Each side's diff against the base: an insertion at the end here, "P3 → P3′ + photo" there.
    const merge = mergeArticle(base, local, remote);
    expect(merge.clean).toBe(true);
    expect(autoMerged(merge).body.root.children).toEqual([P1, P2, p3web, PHOTO_BAI_BIEN]);
    // The local node: the camera file name the portal does not keep survives.
    expect(autoMerged(merge).body.root.children[3]).toBe(PHOTO_BAI_BIEN);
    expect(keysOf(autoMerged(mergeArticle(base, remote, local)))).toEqual(keysOf(autoMerged(merge)));

    // The same before the edited paragraph, and with another photo added here since.
    const before = mergeArticle(withBlocks(base, P1, P2), withBlocks(base, PHOTO_CANG, P1, P2), withBlocks(base, PHOTO_CANG, para('Sáng 12/10, thị xã giao ban.'), P2));
    expect(keysOf(autoMerged(before))).toEqual(keysOf(withBlocks(base, PHOTO_CANG, para('Sáng 12/10, thị xã giao ban.'), P2)));
    const more = mergeArticle(base, withBlocks(base, P1, P2, P3, PHOTO_BAI_BIEN, PHOTO_CANG), remote);
    expect(autoMerged(more).body.root.children).toEqual([P1, P2, p3web, PHOTO_BAI_BIEN, PHOTO_CANG]);
  });

  it('merges cleanly against a base older than a merge already made here: the shared change once, the local photo after it', () => {
    // Here: the portal's P3′ merged in earlier (its push failed after), then a photo. There: P3′.
    const base = withBlocks(baseArticle(), P1, P2, P3);
    const p3web = para('Trong quý III, thị xã đón 1.215.000 lượt khách.');
    const merge = mergeArticle(base, withBlocks(base, P1, P2, p3web, PHOTO_BAI_BIEN, PHOTO_CANG), withBlocks(base, P1, P2, p3web));
    expect(merge.clean).toBe(true);
    expect(autoMerged(merge).body.root.children).toEqual([P1, P2, p3web, PHOTO_BAI_BIEN, PHOTO_CANG]);
  });

  it('keeps as before: a deletion beside an insertion, an edit beside a photo, a different photo beside the portal’s edit', () => {
    const base = withBlocks(baseArticle(), P1, P2, P3);
    // Deleted here, a photo appended after it there.
    expect(autoMerged(mergeArticle(base, withBlocks(base, P1, P2), withBlocks(base, P1, P2, P3, PHOTO_CANG))).body.root.children).toEqual([P1, P2, PHOTO_CANG]);
    // P3 rewritten here, a photo after it there: both.
    const p3local = para('Trong quý III, Cửa Lò đón hơn 1,2 triệu lượt khách.');
    expect(autoMerged(mergeArticle(base, withBlocks(base, P1, P2, p3local), withBlocks(base, P1, P2, P3, PHOTO_CANG))).body.root.children).toEqual([P1, P2, p3local, PHOTO_CANG]);
    // P3 rewritten on both sides, the same photo after it: P3 is the writer's choice, the photo is in once.
    const p3web = para('Trong quý III, thị xã đón 1.215.000 lượt khách.');
    const both = mergeArticle(base, withBlocks(base, P1, P2, p3local, PHOTO_CANG), withBlocks(base, P1, P2, p3web, PHOTO_CANG));
    expect(conflictsOf(both)).toEqual([{ kind: 'conflict', id: 'body-1', base: [P3], local: [p3local, PHOTO_CANG], remote: [p3web, PHOTO_CANG] }]);
    expect(resolveMerge(both, { 'body-1': 'remote' }).body.root.children).toEqual([P1, P2, p3web, PHOTO_CANG]);
    const clash = mergeArticle(base, withBlocks(base, P1, P2, P3, PHOTO_CANG), withBlocks(base, P1, P2, p3web, PHOTO_BAI_BIEN));
    expect(keysOf(autoMerged(clash))).toEqual(keysOf(withBlocks(base, P1, P2, p3web, PHOTO_BAI_BIEN, PHOTO_CANG)));
  });

  it('sees a changed caption or credit as a change of the figure, a lost camera file name as none', () => {
    const base = baseArticle();
    const recaptioned = { ...PHOTO_HOI_NGHI, caption: 'Điểm cầu trực tuyến tại Sở Thông tin và Truyền thông' };
    const merge = mergeArticle(base, baseArticle(), withBlocks(base, P1, P2, recaptioned, P3, P4, P5));
    expect(autoMerged(merge).body.root.children[2]).toEqual(recaptioned);
    const credited = figureNode({ ...PHOTO_HOI_NGHI, credit: 'Ảnh: Phan Thành' });
    expect(mergeArticle(base, withBlocks(base, P1, P2, credited, P3, P4, P5), withBlocks(base, P1, P2, recaptioned, P3, P4, P5)).clean).toBe(false);
  });

  it('reports a field both sides changed differently, with all three values; both changed alike is "same"', () => {
    const base = baseArticle();
    const merge = mergeArticle(base, { ...base, title: 'Cửa Lò: giao ban quý III', byline: 'Hồ Thị Lan' }, { ...base, title: 'Giao ban quý III tại Cửa Lò', byline: 'Hồ Thị Lan' });
    expect(merge.fields.title).toEqual({ kind: 'conflict', base: base.title, local: 'Cửa Lò: giao ban quý III', remote: 'Giao ban quý III tại Cửa Lò' });
    expect(merge.fields.byline).toEqual({ kind: 'same', value: 'Hồ Thị Lan' });
    expect(merge.clean).toBe(false);
    expect(resolveMerge(merge, { title: 'remote' }).title).toBe('Giao ban quý III tại Cửa Lò');
  });

  it('merges tags as a set: additions from both sides in, a removal on either side out, no conflict', () => {
    const base = baseArticle(); // Cửa Lò, giao ban, kinh tế
    const merge = mergeArticle(base, { ...base, tags: ['Cửa Lò', 'giao ban', 'kinh tế', 'du lịch'] }, { ...base, tags: ['cửa lò', 'giao ban', 'ngân sách'] });
    expect(merge.fields.tags).toEqual({ kind: 'merged', value: ['Cửa Lò', 'giao ban', 'du lịch', 'ngân sách'] });
    expect(merge.clean).toBe(true);
    // Order and the case the portal spells a term in are no change.
    expect(mergeArticle(base, baseArticle(), { ...base, tags: ['kinh tế', 'giao ban', 'cửa lò'] }).fields.tags.kind).toBe('same');
    expect(mergeArticle(base, baseArticle(), { ...base, tags: ['Cửa Lò'] }).fields.tags).toEqual({ kind: 'remote', value: ['Cửa Lò'] });
  });

  it('a featured photo changed on both sides is a conflict; removed on one side is taken', () => {
    const base = baseArticle();
    expect(mergeArticle(base, baseArticle(), { ...base, featuredAssetId: null }).fields.featuredAssetId).toEqual({ kind: 'remote', value: null });
    expect(mergeArticle(base, { ...base, featuredAssetId: 'as-baibien-0002' }, { ...base, featuredAssetId: 'wp:77' }).fields.featuredAssetId.kind).toBe('conflict');
  });
});

describe('mergeArticle: properties', () => {
  const pool: SerializedBlock[] = [P1, P2, P3, P4, P5, PHOTO_HOI_NGHI, PHOTO_BAI_BIEN, PHOTO_CANG, para('Bà con phường Nghi Thủy phấn khởi.'), para('')];
  const blocks = fc.array(fc.constantFrom(...pool), { maxLength: 12 });
  const article = (children: SerializedBlock[], title: string) => ({ ...withBlocks(baseArticle(), ...children), title });
  const titles = fc.constantFrom('Cửa Lò giao ban quý III', 'Giao ban quý III', 'Hội nghị giao ban');

  it('merge(base, x, base) is x and merge(base, base, y) is y, in content', () => {
    fc.assert(
      fc.property(blocks, blocks, titles, titles, (baseBlocks, otherBlocks, baseTitle, otherTitle) => {
        const base = article(baseBlocks, baseTitle);
        const other = article(otherBlocks, otherTitle);
        const localOnly = mergeArticle(base, other, base);
        expect(localOnly.clean).toBe(true);
        expect(autoMerged(localOnly)).toEqual(other);
        const remoteOnly = mergeArticle(base, base, other);
        expect(remoteOnly.clean).toBe(true);
        const merged = autoMerged(remoteOnly);
        expect(keysOf(merged)).toEqual(keysOf(other));
        expect(merged.title).toBe(other.title);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses a block without a conflict: where diff3Merge finds none, the result is the same', () => {
    fc.assert(
      fc.property(blocks, blocks, blocks, (baseBlocks, localBlocks, remoteBlocks) => {
        const [base, local, remote] = [baseBlocks, localBlocks, remoteBlocks].map((children) => article(children, 'Giao ban'));
        const merge = mergeArticle(base!, local!, remote!);
        const reference = diff3Merge(keysOf(local!), keysOf(base!), keysOf(remote!));
        if (reference.every((region) => region.ok)) {
          expect(merge.clean).toBe(true);
          expect(keysOf(autoMerged(merge))).toEqual(reference.flatMap((region) => region.ok ?? []));
        }
        // Choosing all local (all remote) in every conflict gives back the local (remote) blocks
        // exactly where only that side changed; with no side changed, both sides' blocks.
        const conflictIds = merge.body.flatMap((chunk) => (chunk.kind === 'conflict' ? [chunk.id] : []));
        const allLocal = resolveMerge(merge, Object.fromEntries(conflictIds.map((id) => [id, 'local' as const])));
        if (keysOf(remote!).join() === keysOf(base!).join()) expect(keysOf(allLocal)).toEqual(keysOf(local!));
      }),
      { numRuns: 500 },
    );
  });

  it('is symmetric: swapping local and remote swaps the sides of every conflict and keeps the rest', () => {
    fc.assert(
      fc.property(blocks, blocks, blocks, (baseBlocks, localBlocks, remoteBlocks) => {
        const [base, local, remote] = [baseBlocks, localBlocks, remoteBlocks].map((children) => article(children, 'Giao ban'));
        const there = mergeArticle(base!, local!, remote!);
        const back = mergeArticle(base!, remote!, local!);
        const shape = (merge: ArticleMerge, swap: boolean) =>
          merge.body.map((chunk) =>
            chunk.kind === 'ok'
              ? chunk.blocks.map(blockKey)
              : [chunk.base.map(blockKey), (swap ? chunk.remote : chunk.local).map(blockKey), (swap ? chunk.local : chunk.remote).map(blockKey)],
          );
        expect(shape(back, true)).toEqual(shape(there, false));
      }),
      { numRuns: 300 },
    );
  });
});
