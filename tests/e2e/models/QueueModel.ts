import { expect, type Locator, type Page } from '@playwright/test';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src/shared/contract';
import type { Role } from '../../../src/shared/model/Profile';
import type { WebHost } from '../WebHost';

/** The queue, the profile menu and the lifecycle bar, as a desk sees them. */
export class QueueModel {
  constructor(
    readonly page: Page,
    readonly host: WebHost,
  ) {}

  get list(): Locator {
    return this.page.getByTestId('queue-list');
  }
  get rows(): Locator {
    return this.page.getByTestId('article-row');
  }
  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }
  chip(state: string): Locator {
    return this.page.getByTestId(`state-chip-${state}`);
  }
  get selectedCount(): Locator {
    return this.page.getByTestId('selected-count');
  }
  get articleState(): Locator {
    return this.page.getByTestId('article-state');
  }
  transition(action: string): Locator {
    return this.page.getByTestId(`transition-${action}`);
  }
  get returnNote(): Locator {
    return this.page.getByTestId('return-note');
  }

  async expectCount(state: string, count: number): Promise<void> {
    await expect(this.chip(state)).toHaveAttribute('data-count', String(count));
  }

  /** Through the profile menu, as a user switches hats. */
  async setProfile(name: string, role: Role): Promise<void> {
    await this.page.getByTestId('profile-button').click();
    await this.page.getByTestId('profile-name').fill(name);
    await this.page.getByTestId('profile-role').selectOption(role);
    await this.page.getByTestId('profile-save').click();
    await expect(this.page.getByTestId('profile-button')).toHaveAttribute('data-role', role);
  }

  /** A call straight to the host's contract, for arranging a test (not for what it checks). */
  async api<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const response = await this.page.request.post(`${this.host.origin}/api/${channel}`, {
      headers: { 'x-newsdesk-token': this.host.token, 'content-type': 'application/json' },
      data: input,
    });
    const body = (await response.json()) as { ok: boolean; value: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
    return body.value as ChannelOutput<C>;
  }

  /** An article complete enough to submit (the blocking publish checks: title, lead, body, byline, category). */
  async createComplete(title: string, extra: Partial<ChannelInput<'articles.create'>> = {}) {
    return this.api('articles.create', {
      title,
      lead: 'Sapo của bài viết.',
      byline: 'Thanh Bình',
      category: 'Thời sự',
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: null,
              format: '',
              indent: 0,
              textFormat: 0,
              textStyle: '',
              children: [{ type: 'text', version: 1, text: 'Nội dung bài.', format: 0, mode: 'normal', style: '', detail: 0 }],
            },
          ],
        },
      },
      ...extra,
    });
  }
}
