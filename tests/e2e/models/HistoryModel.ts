import type { Locator, Page } from '@playwright/test';

/** The history panel and the store's quarantine notices, as a writer sees them. */
export class HistoryModel {
  constructor(readonly page: Page) {}

  get button(): Locator {
    return this.page.getByTestId('history-button');
  }
  get panel(): Locator {
    return this.page.getByTestId('history-panel');
  }
  get versions(): Locator {
    return this.page.getByTestId('history-version');
  }
  version(rev: number): Locator {
    return this.page.locator(`[data-testid="history-version"][data-rev="${rev}"]`);
  }
  get diff(): Locator {
    return this.page.getByTestId('history-diff');
  }
  get restore(): Locator {
    return this.page.getByTestId('history-restore');
  }
  get notices(): Locator {
    return this.page.getByTestId('store-notice');
  }
}
