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
  get waiting(): Locator {
    return this.page.getByTestId('sync-waiting');
  }
  get blocked(): Locator {
    return this.page.getByTestId('sync-blocked');
  }
  get lastSync(): Locator {
    return this.page.getByTestId('sync-last');
  }
  /** The signed-in account's role line: data-role is Newsdesk's role, the text names the portal's. */
  get accountRole(): Locator {
    return this.page.getByTestId('portal-account-role');
  }
  get noUploadWarning(): Locator {
    return this.page.getByTestId('portal-no-upload');
  }
  /** The open article's standing with the portal, in the editor's status bar. */
  get editorStatus(): Locator {
    return this.page.getByTestId('editor-portal-status');
  }
  get conflictView(): Locator {
    return this.page.getByTestId('conflict-view');
  }
  /** One outbox item (in either list) by the article's title. */
  outboxItem(title: string): Locator {
    return this.outbox.getByTestId('outbox-item').filter({ hasText: title });
  }
  /** The conflict view's difference whose two sides contain `text` (either side). */
  conflictPair(text: string): Locator {
    return this.conflictView.getByTestId('conflict-pair').filter({ hasText: text });
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
    // The form stays with its answer on a refusal and gives way to the account on success; the
    // portal checks the password over the network first (slow on a loaded machine).
    await expect(this.page.locator('[data-testid="portal-signin"][aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  }

  async closeAccount(): Promise<void> {
    await this.accountPanel.getByRole('button', { name: /Đóng|Close/ }).click();
    await expect(this.accountPanel).toHaveCount(0);
  }

  async openOutbox(): Promise<void> {
    await this.page.getByTestId('open-outbox').click();
    await expect(this.outbox).toBeVisible();
  }

  async closeOutbox(): Promise<void> {
    await this.page.getByTestId('outbox-close').click();
    await expect(this.outbox).toHaveCount(0);
  }

  /** What the browser fires when the OS's network comes and goes (Playwright's offline mode would also cut the loopback host). */
  async osNetwork(online: boolean): Promise<void> {
    await this.page.evaluate((type) => window.dispatchEvent(new Event(type)), online ? 'online' : 'offline');
  }
}
