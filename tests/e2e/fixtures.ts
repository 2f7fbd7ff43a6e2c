import { test as base } from '@playwright/test';
import { NewsdeskPage } from './models/NewsdeskPage';
import { WebHost } from './WebHost';

/** `host`: a fresh web host and data dir per test. `newsdesk`: the page object, opened on it. */
export const test = base.extend<{ host: WebHost; newsdesk: NewsdeskPage }>({
  host: async ({}, use) => {
    const host = await WebHost.start();
    await use(host);
    await host.dispose();
  },
  newsdesk: async ({ page, host }, use) => {
    const newsdesk = new NewsdeskPage(page, host);
    await newsdesk.open();
    await use(newsdesk);
  },
});

export { expect } from '@playwright/test';
