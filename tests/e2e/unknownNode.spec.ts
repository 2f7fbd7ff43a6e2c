import { documentOf, paragraphNode, textNode } from '../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../src/shared/model/Article';
import { expect, test } from './fixtures';
import { QueueModel } from './models/QueueModel';

/**
 * An article saved by a newer Newsdesk may hold node types this version does not know (a poll
 * block, a mention inline). Opening and editing it here must show them as locked blocks and write
 * them back verbatim, never drop them.
 */
const poll = { type: 'poll', version: 2, question: 'Bạn chọn phương án nào?', options: ['A', 'B'], children: [{ type: 'text', text: 'Phương án A' }] };
const mention = { type: 'mention', version: 1, text: '@Thanh Bình', id: 7 };

test('nodes from a newer version show as locked blocks and are saved back verbatim after an edit', async ({ newsdesk, page, host }) => {
  const api = new QueueModel(page, host);
  const body = documentOf([
    paragraphNode([textNode('Đoạn mở đầu.')]),
    poll as never,
    paragraphNode([textNode('Gặp '), mention as never, textNode(' tại Cửa Lò.')]),
  ]) as unknown as LexicalState;
  const created = await api.api('articles.create', { title: 'Bài từ bản mới hơn', body });
  await expect(newsdesk.rows).toHaveCount(1);
  await newsdesk.openRow(0);

  const unknown = newsdesk.body.getByTestId('unknown-node');
  await expect(unknown).toHaveCount(2);
  await expect(unknown.first()).toHaveAttribute('data-node-type', 'poll');
  await expect(unknown.nth(1)).toHaveText(/@Thanh Bình/);

  // The writer edits the paragraph before them; autosave writes the whole body back.
  await newsdesk.body.getByText('Đoạn mở đầu.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm câu mới.');
  await expect
    .poll(async () => (await api.api('articles.get', { id: created.id })).rev, { timeout: 5_000 })
    .toBeGreaterThan(created.rev);
  await newsdesk.expectSaved();

  const stored = await api.api('articles.get', { id: created.id });
  const children = stored.body.root.children as Record<string, unknown>[];
  expect(children.map((child) => child.type)).toEqual(['paragraph', 'poll', 'paragraph']);
  expect(JSON.stringify(children[0])).toContain('Đoạn mở đầu. Thêm câu mới.');
  expect(children[1]).toEqual(poll);
  expect((children[2]!.children as unknown[])[1]).toEqual(mention);

  // And after a reload, the same locked blocks come back.
  await page.reload();
  await newsdesk.openRow(0);
  await expect(newsdesk.body.getByTestId('unknown-node')).toHaveCount(2);
});
