// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../../src/shared/contract';
import type { Article } from '../../../../src/shared/model/Article';
import { ConflictView } from '../../../../src/renderer/sync/ConflictView';
import { byTestId, click, fakeHost, flush, mount } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

function paragraph(text: string) {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, mode: 'normal', style: '', detail: 0 }] };
}
const figure = { type: 'figure', version: 1, assetId: 'a1b2', caption: 'Điểm cầu tại Sở Thông tin và Truyền thông', alt: 'Hội trường', credit: 'Nguyễn Văn Hùng' };

const same = (value: unknown) => ({ kind: 'same' as const, value });
// The merge's final shape (h/merge): every field, a body of settled runs and conflicts, the body's root.
const merge = {
  fields: {
    title: { kind: 'conflict' as const, base: 'Cửa Lò họp giao ban quý III', local: 'Cửa Lò tổ chức hội nghị giao ban quý III', remote: 'Thị xã Cửa Lò giao ban quý III' },
    lead: same('Sáng 2/12, UBND thị xã Cửa Lò tổ chức hội nghị giao ban.'),
    byline: same('Nguyễn Văn Hùng'),
    dateline: same('Cửa Lò, 02/12/2026'),
    category: same('Thời sự'),
    tags: same(['giao ban', 'Cửa Lò']),
    featuredAssetId: same('a1b2'),
  },
  body: [
    { kind: 'ok' as const, blocks: [paragraph('Hội nghị có sự tham dự của lãnh đạo các phường.'), figure] },
    {
      kind: 'conflict' as const,
      id: 'c1',
      base: [paragraph('Quý III, thu ngân sách đạt 80% kế hoạch.')],
      local: [paragraph('Quý III, thu ngân sách đạt 85% kế hoạch năm.')],
      remote: [paragraph('Quý III, thu ngân sách đạt 82% kế hoạch.')],
    },
    { kind: 'conflict' as const, id: 'c2', base: [paragraph('Đoạn cũ.')], local: [], remote: [paragraph('Ý kiến của bà con tiểu thương chợ Cửa Lò.')] },
  ],
  bodyRoot: { type: 'root', version: 1, direction: null, format: '', indent: 0 },
  clean: false,
};

const resolved: Article = {
  schemaVersion: 3,
  id: 'giao-ban-quy-3',
  rev: 9,
  title: 'Cửa Lò tổ chức hội nghị giao ban quý III',
  lead: '',
  body: { root: { type: 'root', children: [] } },
  byline: 'Nguyễn Văn Hùng',
  dateline: '',
  category: 'Thời sự',
  tags: [],
  publishAt: null,
  featuredAssetId: null,
  slug: '',
  checkOverrides: [],
  state: 'published',
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-02T08:00:00.000Z',
};

const remote = {
  title: 'Thị xã Cửa Lò giao ban quý III',
  lead: merge.fields.lead.value,
  body: { root: { ...merge.bodyRoot, children: [paragraph('Hội nghị có sự tham dự của lãnh đạo các phường.'), figure, paragraph('Quý III, thu ngân sách đạt 82% kế hoạch.')] } },
  byline: 'Nguyễn Văn Hùng',
  dateline: 'Cửa Lò, 02/12/2026',
  category: 'Thời sự',
  tags: ['giao ban', 'Cửa Lò'],
  featuredAssetId: 'a1b2',
};

function host() {
  return fakeHost({
    'sync.conflict': () => ({ merge, remote }) as ChannelOutput<'sync.conflict'>,
    'sync.resolve': () => resolved,
  });
}

it('shows each difference side by side with the differing words marked, the settled text folded, the photo by its caption', async () => {
  const fake = host();
  const view = await mount(<ConflictView bridge={fake.bridge} articleId="giao-ban-quy-3" onResolved={() => undefined} onClose={() => undefined} />);
  mounted.push(view);
  await flush();
  const pairs = [...view.container.querySelectorAll('[data-testid="conflict-pair"]')];
  expect(pairs.map((pair) => pair.getAttribute('data-id'))).toEqual(['title', 'c1', 'c2']);

  const [titleMine, titlePortal] = [...pairs[0]!.querySelectorAll('.nd-conflict-side .nd-conflict-text')].map((side) => side.textContent);
  expect(titleMine).toBe('Cửa Lò tổ chức hội nghị giao ban quý III');
  expect(titlePortal).toBe('Thị xã Cửa Lò giao ban quý III');
  const marks = [...pairs[1]!.querySelectorAll('mark')].map((mark) => mark.textContent);
  expect(marks).toEqual(expect.arrayContaining(['85', '82']));
  expect(pairs[2]!.querySelector('.nd-conflict-removed')!.textContent).toBe('(đã xoá ở bản này)');
  expect(view.container.querySelector('.nd-conflict-same')!.textContent).toContain('Ảnh: Điểm cầu tại Sở Thông tin và Truyền thông');
  // Fields offer mine or the portal's; only body blocks can keep both.
  expect(pairs[0]!.querySelector('[data-testid="conflict-choice-both"]')).toBeNull();
  expect(pairs[1]!.querySelector('[data-testid="conflict-choice-both"]')).not.toBeNull();
  // Each choice is one radio group, named for what it decides.
  const group = pairs[1]!.querySelector('fieldset')!;
  expect(group.getAttribute('role')).toBe('radiogroup');
  expect(group.getAttribute('aria-label')).toBe('Đoạn khác nhau 1');
  expect(new Set([...group.querySelectorAll('input')].map((input) => input.name)).size).toBe(1);
});

it('Apply waits for every choice, then sends them to sync.resolve and hands back the article', async () => {
  const fake = host();
  const got: Article[] = [];
  const view = await mount(<ConflictView bridge={fake.bridge} articleId="giao-ban-quy-3" onResolved={(article) => got.push(article)} onClose={() => undefined} />);
  mounted.push(view);
  await flush();
  const apply = byTestId<HTMLButtonElement>(view.container, 'conflict-apply');
  const pair = (id: string) => view.container.querySelector(`[data-testid="conflict-pair"][data-id="${id}"]`)!;
  expect(apply.disabled).toBe(true);
  expect(byTestId(view.container, 'conflict-left').textContent).toBe('Còn 3 chỗ chưa chọn');

  await click(byTestId(pair('title'), 'conflict-choice-local'));
  await click(byTestId(pair('c1'), 'conflict-choice-remote'));
  expect(apply.disabled).toBe(true);
  await click(byTestId(pair('c2'), 'conflict-choice-both'));
  expect(apply.disabled).toBe(false);
  await click(apply);
  await flush();
  expect(fake.callsOf('sync.resolve')).toEqual([{ id: 'giao-ban-quy-3', choices: { title: 'local', c1: 'remote', c2: 'both' } }]);
  expect(got.map((article) => article.rev)).toEqual([9]);
});
