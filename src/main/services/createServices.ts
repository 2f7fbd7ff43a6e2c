import { HistoryStore } from './history/HistoryStore';
import { MediaStore } from './media/MediaStore';
import { PhotoDesk, type PickPhotoPaths } from './photos/PhotoDesk';
import { SearchService } from './search/SearchService';
import { ArticleStore } from './store/ArticleStore';
import { ArticleLifecycle } from './lifecycle/ArticleLifecycle';
import { JsonSettingsStore } from './profile/JsonSettingsStore';
import { ProfileService } from './profile/ProfileService';
import type { SettingsStore } from './profile/SettingsStore';
import type { FileSystem } from './store/FileSystem';
import type { CredentialVault } from './portal/CredentialVault';
import { EncryptedFileVault } from './portal/EncryptedFileVault';
import { PortalAccountService, type PortalConnector } from './portal/PortalAccountService';
import { wordPressConnector } from './portal/wordPressConnector';
import { MediaReceipts } from './sync/MediaReceipts';
import { Outbox } from './sync/Outbox';
import { SyncEngine, type SyncEngineOptions } from './sync/SyncEngine';
import { SyncStateStore } from './sync/SyncStateStore';

export interface ServiceOptions {
  /** Where everything durable lives; given by the host (Electron's userData, or --data-dir). */
  dataDir: string;
  /**
   * The article store's file system; the real one unless given. Only the test-only web host
   * (src/main/web/faultInjectingMain.ts) passes one, a FaultInjectingFileSystem: injected from
   * outside so that no code path in what users run can switch faults on.
   */
  storageFileSystem?: FileSystem;
  /** The desktop host may pass electron-store; otherwise settings.json in the data dir. */
  settings?: SettingsStore;
  /**
   * Where the portal password is kept: the desktop host passes its safeStorage vault; otherwise an
   * encrypted file whose key is in `keyDir` (default ~/.config/newsdesk, NEWSDESK_KEY_DIR).
   */
  vault?: CredentialVault;
  keyDir?: string;
  /** How the portal is reached; the WordPress REST adapter unless a test says otherwise. */
  connector?: PortalConnector;
  /** Timing of the synchroniser (tests shorten it). */
  sync?: SyncEngineOptions;
  /** The desktop host's native file dialog, for the photo desk's imports. */
  pickPhotoPaths?: PickPhotoPaths;
}

export interface Services {
  articles: ArticleStore;
  media: MediaStore;
  history: HistoryStore;
  profile: ProfileService;
  lifecycle: ArticleLifecycle;
  search: SearchService;
  accounts: PortalAccountService;
  sync: SyncEngine;
  photos: PhotoDesk;
  close(): Promise<void>;
}

/** Plain Node services, no `electron`: the same set runs in both hosts and in tests. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const articles = await ArticleStore.open(
    options.dataDir,
    options.storageFileSystem ? { fs: options.storageFileSystem } : {},
  );
  const history = new HistoryStore(articles);
  const detachHistory = history.attach();
  const media = await MediaStore.open(options.dataDir);
  const photos = await PhotoDesk.open(options.dataDir, options.pickPhotoPaths ? { pickPaths: options.pickPhotoPaths } : {});
  const settings = options.settings ?? new JsonSettingsStore(options.dataDir);
  const accounts = new PortalAccountService(
    settings,
    options.vault ?? new EncryptedFileVault(options.dataDir, options.keyDir),
    options.connector ?? wordPressConnector(),
  );
  await accounts.open();
  const profile = new ProfileService(settings, () => accounts.role());
  // What was submitted is kept as a version: the base an editor's changes are compared with.
  const lifecycle = new ArticleLifecycle(articles, profile, {
    onSubmitted: async (article) => {
      await history.snapshot(article, 'submit');
    },
  });
  // Builds its index in the background: nothing here waits for it. It starts once the queue is
  // listed (app.ts) or after 2 s, so it does not compete with the host's start for the CPU.
  const search = new SearchService(articles, { startAfterMs: 2_000 });
  const [states, receipts, outbox] = await Promise.all([
    SyncStateStore.open(options.dataDir),
    MediaReceipts.open(options.dataDir),
    Outbox.open(options.dataDir),
  ]);
  const sync = new SyncEngine({ articles, media, accounts, states, receipts, outbox, settings }, options.sync);
  sync.start();
  return {
    articles,
    media,
    history,
    profile,
    lifecycle,
    search,
    accounts,
    sync,
    photos,
    close: async () => {
      await photos.close();
      await sync.close();
      await search.close();
      detachHistory();
      await history.idle();
      await articles.close();
    },
  };
}
