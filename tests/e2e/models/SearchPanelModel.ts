import { expect, type Locator, type Page } from '@playwright/test';

/** The search box above the article list and its results. */
export class SearchPanelModel {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByTestId('search-input');
  }
  get hits(): Locator {
    return this.page.getByTestId('search-hit');
  }
  hitTitles(): Promise<string[]> {
    return this.page.getByTestId('search-hit-title').allInnerTexts();
  }

  /** Types the query and waits until the results show `count` hits. */
  async search(q: string, count: number): Promise<void> {
    await this.input.fill(q);
    await expect(this.hits).toHaveCount(count);
  }
}
