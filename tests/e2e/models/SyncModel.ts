import { expect, type Locator, type Page } from '@playwright/test';

/** The portal's side of the app as a writer sees it: the account panel, the status bar, the outbox, badges. */
export class SyncModel {
  constructor(readonly page: Page) {}

  get statusBar(): Locator {
    return this.page.getByTestId('sync-status-bar');
  }
  get network(): Locator {
    return this.page.getByTestId('sync-network');
  }
  get notConfigured(): Locator {
    return this.page.getByTestId('sync-not-configured');
  }
  get accountButton(): Locator {
    return this.page.getByTestId('account-button');
  }
  get accountPanel(): Locator {
    return this.page.getByTestId('account-panel');
  }
  get password(): Locator {
    return this.page.getByTestId('portal-password');
  }
  get signInProblem(): Locator {
    return this.page.getByTestId('portal-signin-problem');
  }
  get outbox(): Locator {
    return this.page.getByTestId('outbox-panel');
  }
  /** The badge in a queue row, the editor's state chip or its status bar. */
  badgeIn(scope: Locator): Locator {
    return scope.getByTestId('portal-badge');
  }

  async signIn(siteUrl: string, username: string, appPassword: string): Promise<void> {
    if ((await this.accountPanel.count()) === 0) await this.accountButton.click();
    await this.page.getByTestId('portal-site').fill(siteUrl);
    await this.page.getByTestId('portal-username').fill(username);
    await this.password.fill(appPassword);
    await this.page.getByTestId('portal-signin-submit').click();
    await expect(this.page.getByTestId('portal-signin')).not.toHaveAttribute('aria-busy', 'true');
  }

  /** What the browser fires when the OS's network comes and goes (Playwright's offline mode would also cut the loopback host). */
  async osNetwork(online: boolean): Promise<void> {
    await this.page.evaluate((type) => window.dispatchEvent(new Event(type)), online ? 'online' : 'offline');
  }
}
