import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WebHost } from './WebHost';

/**
 * An article saved by a newer Newsdesk may hold node types this version does not know (a poll
 * block, a mention inline). Opening and editing it here must show them as locked blocks and write
 * them back verbatim, never drop them.
 */
const poll = { type: 'poll', version: 2, question: 'Bạn chọn phương án nào?', options: ['A', 'B'], children: [{ type: 'text', text: 'Phương án A' }] };
const mention = { type: 'mention', version: 1, text: '@Thanh Bình', id: 7 };
const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 });

async function call(page: Page, host: WebHost, channel: string, data: unknown): Promise<unknown> {
  const response = await page.request.post(`${host.origin}/api/${channel}`, {
    headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
    data,
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { value: unknown }).value;
}

test('nodes from a newer version show as locked blocks and are saved back verbatim after an edit', async ({ newsdesk, page, host }) => {
  const body = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [paragraph([text('Đoạn mở đầu.')]), poll, paragraph([text('Gặp '), mention, text(' tại Cửa Lò.')])],
    },
  };
  const created = (await call(page, host, 'articles.create', { title: 'Bài từ bản mới hơn', body })) as { id: string; rev: number };
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
    .poll(async () => ((await call(page, host, 'articles.get', { id: created.id })) as { rev: number }).rev, { timeout: 5_000 })
    .toBeGreaterThan(created.rev);
  await newsdesk.expectSaved();

  const stored = (await call(page, host, 'articles.get', { id: created.id })) as { body: typeof body };
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
