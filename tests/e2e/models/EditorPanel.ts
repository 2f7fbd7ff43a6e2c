import { expect, type Locator, type Page } from '@playwright/test';
import type { WebHost } from '../WebHost';

/** The open article's editor: metadata, toolbar, body, figures, checklist, status bar. */
export class EditorPanel {
  constructor(
    readonly page: Page,
    readonly host: WebHost,
  ) {}

  get body(): Locator {
    return this.page.getByTestId('body-editor');
  }
  get toolbar(): Locator {
    return this.page.getByTestId('toolbar');
  }
  tool(name: string | RegExp): Locator {
    return this.toolbar.getByRole('button', { name });
  }
  get figures(): Locator {
    return this.page.getByTestId('figure');
  }
  get issues(): Locator {
    return this.page.getByTestId('rule-issue');
  }

  async issueCodes(): Promise<string[]> {
    return this.issues.evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
  }

  /** The stored article, read through the host's API with its token (not through the UI). */
  async stored(): Promise<Record<string, unknown> & { body: { root: { children: unknown[] } } }> {
    const headers = { 'x-newsdesk-token': this.host.token, 'content-type': 'application/json' };
    const list = await this.page.request.post(`${this.host.origin}/api/articles.list`, { headers, data: {} });
    const rows = ((await list.json()) as { value: { id: string; updatedAt: string }[] }).value;
    const latest = [...rows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
    const response = await this.page.request.post(`${this.host.origin}/api/articles.get`, { headers, data: { id: latest.id } });
    return ((await response.json()) as { value: never }).value;
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  }

  /** Waits until the stored article satisfies `check` (autosave is debounced). */
  async expectStored(check: (article: Awaited<ReturnType<EditorPanel['stored']>>) => boolean): Promise<void> {
    await expect.poll(async () => check(await this.stored()), { timeout: 5_000 }).toBe(true);
  }
}
