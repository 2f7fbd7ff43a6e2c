import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../../src/main/services/createServices';
import { wordPressConnector } from '../../../src/main/services/portal/wordPressConnector';
import type { SyncEngineOptions } from '../../../src/main/services/sync/SyncEngine';
import type { PortalUser, WordPress } from './startWordPress';

/** Sync timing for tests: no push delay, short backoffs, no timer pulls (tests call syncNow). */
export const FAST_SYNC: SyncEngineOptions = {
  pushDelayMs: 0,
  retries: 3,
  minRetryMs: 20,
  maxRetryMs: 200,
  laterRetryMs: 50,
  pullIntervalMs: 0,
};

export interface SyncClient {
  /** The laptop's data dir (everything durable). */
  dataDir: string;
  /** Where the web vault keeps its key: beside the data dir, as in the web edition. */
  keyDir: string;
  services: Services;
  user: PortalUser;
  /** Signs in to `siteUrl` (the WordPress itself, or a fault proxy in front of it). */
  signIn(siteUrl?: string): Promise<void>;
  /** Pushes and pulls until nothing is left to do (or `rounds` runs), returns the outbox left. */
  settle(rounds?: number): Promise<number>;
  /** Closes the services (as quitting the app would) and opens them again on the same data dir. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Closes and removes the data and key dirs. */
  dispose(): Promise<void>;
}

/**
 * One laptop of the newsroom: the app's real services (createServices: store, media, outbox, sync)
 * on a data dir of its own, signed in to the harness WordPress as one of its users. Two of these
 * are two clients of one portal, as two reporters' laptops are.
 */
export async function startSyncClient(
  wp: WordPress,
  user: PortalUser,
  options: { sync?: SyncEngineOptions; timeoutMs?: number; name?: string } = {},
): Promise<SyncClient> {
  const dataDir = mkdtempSync(join(tmpdir(), `newsdesk-sync-${options.name ?? user.login}-`));
  const keyDir = `${dataDir}-keys`;
  const open = () =>
    createServices({
      dataDir,
      keyDir,
      connector: wordPressConnector({ timeoutMs: options.timeoutMs ?? 5_000 }),
      sync: options.sync ?? FAST_SYNC,
    });
  let services = await open();
  // Tests that sign in by name need a profile name (the writer recorded on articles).
  services.profile.set({ name: user.login, role: 'reporter' });
  const client: SyncClient = {
    dataDir,
    keyDir,
    get services() {
      return services;
    },
    user,
    async signIn(siteUrl = wp.baseUrl) {
      await services.accounts.signIn({ siteUrl, username: user.login, appPassword: user.appPassword });
    },
    async settle(rounds = 20) {
      for (let round = 0; round < rounds; round += 1) {
        await services.sync.syncNow();
        const left = services.sync.outbox().active.filter((item) => item.state !== 'blocked');
        if (left.length === 0) return services.sync.outbox().active.length;
      }
      return services.sync.outbox().active.length;
    },
    async restart() {
      await services.close();
      services = await open();
    },
    close: () => services.close(),
    async dispose() {
      await services.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
  return client;
}
