import type { Page } from '@playwright/test';
import type { WebHost } from '../WebHost';

/** Pastes as a browser does: a ClipboardEvent with a DataTransfer, dispatched on the body editor. */
export async function pasteIntoBody(page: Page, data: { html?: string; text?: string }): Promise<void> {
  await page.evaluate(({ html, text }) => {
    const target = document.querySelector('[data-testid="body-editor"]');
    if (!target) throw new Error('no body editor');
    const transfer = new DataTransfer();
    if (html !== undefined) transfer.setData('text/html', html);
    if (text !== undefined) transfer.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** The stored article, as the service has it on disk (not what the page shows). */
export async function storedArticles(page: Page, host: WebHost): Promise<{ id: string; body: unknown; title: string; byline: string; dateline: string }[]> {
  const call = async (channel: string, data: unknown) => {
    const response = await page.request.post(`${host.origin}/api/${channel}`, {
      headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
      data,
    });
    return ((await response.json()) as { value: unknown }).value;
  };
  const list = (await call('articles.list', {})) as { id: string }[];
  return Promise.all(list.map((row) => call('articles.get', { id: row.id }))) as never;
}
