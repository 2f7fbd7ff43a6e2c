import { Emitter } from '../../../shared/Emitter';
import { portalAccountViewSchema, type PortalAccountView } from '../../../shared/model/PortalAccount';
import type { Role } from '../../../shared/model/Profile';
import type { SettingsStore } from '../profile/SettingsStore';
import type { CredentialVault } from './CredentialVault';
import type { Portal, PortalAccount, PortalCredentials } from './Portal';

const ACCOUNT_KEY = 'portal.account';

/** How the account service reaches a portal: the WordPress adapter in production. */
export interface PortalConnector {
  /** Checks the credentials against the portal (`/users/me?context=edit`). */
  signIn(credentials: PortalCredentials): Promise<{ portal: Portal; account: PortalAccount; insecure: boolean }>;
  /** A portal for stored credentials, without a request (the laptop may be offline). */
  open(credentials: PortalCredentials): Portal;
}

/**
 * The signed-in portal account. The account's facts (site, user, role, capabilities) are a
 * setting; the application password is only in the vault, and only this service reads it.
 */
export class PortalAccountService {
  readonly changes = new Emitter<PortalAccountView | null>();
  private portal: Portal | null = null;
  private account: PortalAccountView | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: CredentialVault,
    private readonly connector: PortalConnector,
  ) {}

  /** Restores the account saved by the last sign-in, if its password is still in the vault. */
  async open(): Promise<void> {
    const saved = portalAccountViewSchema.safeParse(this.settings.get(ACCOUNT_KEY));
    if (!saved.success) return;
    const credentials = await this.vault.load();
    if (!credentials || credentials.username !== saved.data.username) return;
    this.portal = this.connector.open(credentials);
    this.account = saved.data;
  }

  view(): PortalAccountView | null {
    return this.account;
  }

  /** The portal to talk to, or null when nobody is signed in. */
  current(): { portal: Portal; account: PortalAccountView } | null {
    return this.portal && this.account ? { portal: this.portal, account: this.account } : null;
  }

  /** The role the portal gives the signed-in user; null without an account (the local picker decides). */
  role(): Role | null {
    return this.account?.role ?? null;
  }

  async signIn(credentials: PortalCredentials): Promise<PortalAccountView> {
    const { portal, account, insecure } = await this.connector.signIn(credentials);
    const view: PortalAccountView = {
      siteUrl: portal.siteUrl,
      username: account.username,
      name: account.name,
      userId: account.userId,
      roles: account.roles,
      role: account.role,
      can: account.can,
      insecure,
      vault: this.vault.kind,
    };
    // The vault first: an account setting without its password would look signed in and fail.
    await this.vault.save({ ...credentials, siteUrl: portal.siteUrl });
    this.settings.set(ACCOUNT_KEY, view);
    this.portal = portal;
    this.account = view;
    this.changes.emit(view);
    return view;
  }

  /** Refreshes role and capabilities from the portal (they may change there). */
  async refresh(): Promise<PortalAccountView | null> {
    if (!this.portal || !this.account) return null;
    const fresh = await this.portal.me();
    const view: PortalAccountView = { ...this.account, name: fresh.name, roles: fresh.roles, role: fresh.role, can: fresh.can };
    if (JSON.stringify(view) !== JSON.stringify(this.account)) {
      this.settings.set(ACCOUNT_KEY, view);
      this.account = view;
      this.changes.emit(view);
    }
    return view;
  }

  async signOut(): Promise<void> {
    await this.vault.clear();
    this.settings.set(ACCOUNT_KEY, null);
    this.portal = null;
    this.account = null;
    this.changes.emit(null);
  }
}
