import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type InvokeResult,
} from '../shared/contract';
import { NewsdeskError, isNewsdeskError, type ErrorPayload } from '../shared/errors';
import { createServices, type Services } from './services/createServices';
import type { SettingsStore } from './services/profile/SettingsStore';
import type { FileSystem } from './services/store/FileSystem';
import type { CredentialVault } from './services/portal/CredentialVault';
import type { PickPhotoPaths } from './services/photos/PhotoDesk';
import type { SyncEngineOptions } from './services/sync/SyncEngine';

export interface AppOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  /** TEST ONLY (the fault-injecting web host): see ServiceOptions.storageFileSystem. */
  storageFileSystem?: FileSystem;
  /** The desktop host passes electron-store; otherwise settings.json in the data dir. */
  settings?: SettingsStore;
  /** The desktop host passes its safeStorage vault; see ServiceOptions.vault. */
  vault?: CredentialVault;
  /** Timing of the synchroniser (tests shorten it). */
  sync?: SyncEngineOptions;
  /** The desktop host's native file dialog (the photo desk's imports). */
  pickPhotoPaths?: PickPhotoPaths;
}

type Handlers = {
  [C in ChannelName]: (input: import('zod').output<(typeof channels)[C]['input']>) => Promise<ChannelOutput<C>>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface NewsdeskApp {
  services: Services;
  /** Validates the input against the contract, runs the handler, returns a value or a typed error. */
  invoke(channel: unknown, input: unknown): Promise<InvokeResult>;
  /** Subscribes a host's transport to every service event. */
  subscribe(sink: EventSink): () => void;
  /**
   * The web host's binary upload: one photo's bytes as they stream in, imported to the desk; a
   * PhotoImportOutcome (a refused file is a value, not an error).
   */
  uploadPhoto(name: string, body: AsyncIterable<Uint8Array>): Promise<InvokeResult>;
  close(): Promise<void>;
}

/** What a host's transport needs of the app: calls in, events out, photo uploads. */
export type AppEndpoint = Pick<NewsdeskApp, 'invoke' | 'subscribe' | 'uploadPhoto'>;

/** The composition root: services + one handler per contract channel. Hosts only transport. */
export async function createApp(options: AppOptions): Promise<NewsdeskApp> {
  const services = await createServices({
    dataDir: options.dataDir,
    ...(options.storageFileSystem ? { storageFileSystem: options.storageFileSystem } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.vault ? { vault: options.vault } : {}),
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.pickPhotoPaths ? { pickPhotoPaths: options.pickPhotoPaths } : {}),
  });
  const { articles } = services;

  const handlers: Handlers = {
    'media.import': async ({ name, bytes }) => services.media.import({ name, bytes: Buffer.from(bytes, 'base64') }),
    'media.get': async ({ assetId, rendition }) => {
      const { mime, bytes } = await services.media.get(assetId, rendition);
      return { mime, bytes: bytes.toString('base64') };
    },
    'photos.list': () => services.photos.list(),
    'photos.rendition': async ({ id, rendition }) => {
      const { mime, bytes } = await services.photos.rendition(id, rendition);
      return { mime, bytes: bytes.toString('base64') };
    },
    'photos.update': ({ id, baseRev, fields }) => services.photos.update(id, baseRev, fields),
    'photos.updateMany': ({ items }) => services.photos.updateMany(items),
    'photos.importDialog': ({ batchId, kind }) => services.photos.importFromDialog(batchId, kind),
    'photos.importCancel': async ({ batchId }) => ({ cancelled: services.photos.cancel(batchId) }),
    'app.info': async () => ({
      name: 'Newsdesk',
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      articleCount: articles.count,
    }),
    'articles.list': async () => {
      // The first listing is the start the user waits for: the search build begins after its answer is sent.
      setImmediate(() => services.search.startBuilding());
      return articles.list();
    },
    'search.query': ({ q, limit }) => services.search.query(q, limit),
    'articles.create': (input) => articles.create(input, { createdBy: services.profile.get().name }),
    'articles.get': ({ id }) => articles.get(id),
    'articles.save': ({ id, baseRev, changes }) => articles.save(id, baseRev, changes),
    'articles.transition': (input) => services.lifecycle.transition(input),
    'articles.overrideCheck': (input) => services.lifecycle.overrideCheck(input),
    'articles.bulk': ({ ids, action }) => services.lifecycle.bulk(ids, action),
    'articles.export': ({ ids }) => services.lifecycle.export(ids),
    'profile.get': async () => services.profile.get(),
    'profile.set': async (input) => services.profile.set(input),
    'store.notices': async () => articles.notices(),
    'store.dismissNotice': async ({ id }) => ({ dismissed: await articles.dismissNotice(id) }),
    'history.list': ({ id }) => services.history.list(id),
    'history.get': ({ id, rev }) => services.history.get(id, rev),
    'history.restore': ({ id, rev, baseRev }) => services.history.restore(id, rev, baseRev),
    'portal.account': async () => services.accounts.view(),
    'portal.signIn': (input) => services.accounts.signIn(input),
    'portal.signOut': async () => {
      await services.accounts.signOut();
      return { signedOut: true as const };
    },
    'sync.status': async () => services.sync.status(),
    'sync.articles': async () => services.sync.articleSyncs(),
    'sync.outbox': async () => services.sync.outbox(),
    'sync.now': async () => {
      if (!services.accounts.current()) throw new NewsdeskError('PORTAL_NOT_CONFIGURED');
      await services.sync.syncNow();
      return services.sync.status();
    },
    'sync.retry': ({ id }) => services.sync.retry(id),
    'sync.cancel': ({ id }) => services.sync.cancel(id),
    'sync.setNetwork': async ({ online }) => {
      services.sync.setNetwork(online);
      return services.sync.status();
    },
    'sync.setDrafts': async ({ syncDrafts }) => {
      services.sync.setSyncDrafts(syncDrafts);
      return services.sync.status();
    },
    'sync.conflict': async ({ id }) => {
      const { merge, remote } = services.sync.conflict(id);
      return { merge, remote };
    },
    'sync.resolve': ({ id, choices }) => services.sync.resolve(id, choices),
    'sync.afterPortalDelete': async ({ id, choice }) => {
      await services.sync.afterPortalDelete(id, choice);
      return { done: true as const };
    },
  };

  async function invoke(channel: unknown, input: unknown): Promise<InvokeResult> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', details: { channel: String(channel).slice(0, 100) } } };
    }
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          details: { channel, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) },
        },
      };
    }
    try {
      const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  function subscribe(sink: EventSink): () => void {
    const unsubscribers = [
      services.profile.changes.on((payload) => sink('profile.changed', payload)),
      articles.changes.on((payload) => sink('articles.changed', { ...payload, summaries: articles.summariesOf(payload.ids) })),
      articles.onNotice((notice) => sink('store.notice', notice)),
      services.accounts.changes.on((account) => {
        sink('portal.account', account);
        // The portal decides the role: the profile the renderer shows changes with the account.
        services.profile.announce();
      }),
      services.sync.changes.on((change) => sink('sync.changed', change)),
      services.photos.changes.on((photos) => sink('photos.changed', { photos })),
      services.photos.progress.on((progress) => sink('photos.importProgress', progress)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  async function uploadPhoto(name: string, body: AsyncIterable<Uint8Array>): Promise<InvokeResult> {
    try {
      return { ok: true, value: await services.photos.importUpload(name, body) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  return { services, invoke, subscribe, uploadPhoto, close: () => services.close() };
}

function toErrorPayload(error: unknown): ErrorPayload {
  if (isNewsdeskError(error)) return error.toPayload();
  if (error instanceof Error && error.name === 'ZodError') return { code: 'VALIDATION' };
  // Anything else is a bug: report a code, never the raw message (it may hold paths or secrets).
  console.error('[newsdesk] internal error', error instanceof Error ? error.stack : error);
  return new NewsdeskError('INTERNAL').toPayload();
}
