import { expect, type Locator, type Page } from '@playwright/test';
import type { WebHost } from '../WebHost';

/** The app as a writer sees it: the article list, the open article, its save state. */
export class NewsdeskPage {
  constructor(
    readonly page: Page,
    readonly host: WebHost,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.newArticleButton).toBeVisible();
  }

  get newArticleButton(): Locator {
    return this.page.getByTestId('new-article');
  }
  get title(): Locator {
    return this.page.getByTestId('title-input');
  }
  get body(): Locator {
    return this.page.getByTestId('body-editor');
  }
  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }
  get rows(): Locator {
    return this.page.getByTestId('article-row');
  }

  get editor(): Locator {
    return this.page.getByTestId('article-editor');
  }

  /** Waits for the new article's editor, not just any editor: the previous one may still be shown. */
  async createArticle(): Promise<string> {
    const previous = (await this.editor.count()) > 0 ? await this.editor.getAttribute('data-article-id') : null;
    await this.newArticleButton.click();
    await expect(this.editor).toHaveAttribute('data-article-id', /.+/);
    if (previous) await expect(this.editor).not.toHaveAttribute('data-article-id', previous);
    await expect(this.title).toBeVisible();
    await this.expectBodyLoaded();
    return (await this.editor.getAttribute('data-article-id')) ?? '';
  }

  /**
   * The body takes input once its stored text is loaded (LoadPlugin makes it editable then), as a
   * writer sees it: before, a click and a key or a paste would do nothing.
   */
  async expectBodyLoaded(): Promise<void> {
    await expect(this.body).toHaveAttribute('contenteditable', 'true');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved');
  }

  /** The list row holding an article with this title (its place in the list, which saves reorder). */
  async rowIndexOf(title: string): Promise<number> {
    const titles = await this.rows.allInnerTexts();
    const index = titles.findIndex((text) => text.includes(title));
    expect(index, `row "${title}" in ${JSON.stringify(titles)}`).toBeGreaterThanOrEqual(0);
    return index;
  }

  async openRow(index = 0): Promise<void> {
    await this.rows.nth(index).click();
    await expect(this.body).toBeVisible();
    await this.expectBodyLoaded();
  }

  /** After a host restart the tab's token is stale: open the new URL, as a user would. */
  async reopenAfterRestart(): Promise<void> {
    await this.page.goto('about:blank');
    await this.open();
  }
}
