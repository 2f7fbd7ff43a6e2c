import { z } from 'zod';
import { errorPayloadSchema, type ErrorPayload } from './errors';
import {
  articleEditableSchema,
  articleIdSchema,
  articleSchema,
  articleStateSchema,
  articleSummarySchema,
} from './model/Article';
import { articleBundleSchema } from './model/ArticleBundle';
import { BULK_MAX_IDS, bulkActionSchema, bulkItemResultSchema } from './model/BulkResult';
import { RETURN_NOTE_MAX } from './model/lifecycle';
import { profileSchema } from './model/Profile';
import { historySnapshotSchema, historyVersionSchema } from './model/HistoryVersion';
import { storeNoticeSchema } from './model/StoreNotice';
import { searchQuerySchema, searchResultSchema } from './model/SearchHit';
import { assetIdSchema, mediaAssetSchema, MEDIA_MAX_BYTES, renditionSchema } from './model/MediaAsset';
import { articleContentSchema } from './model/ArticleContent';
import { OVERRIDE_REASON_MAX, checkOverrideSchema } from './model/CheckOverride';
import { articleMergeSchema, mergeChoicesSchema } from './model/ArticleMerge';
import {
  PHOTO_BATCH_MAX,
  photoBatchResultSchema,
  photoFieldsSchema,
  photoIdSchema,
  photoImportProgressSchema,
  photoRenditionSchema,
  photoSchema,
} from './model/Photo';
import { portalAccountViewSchema, signInInputSchema } from './model/PortalAccount';
import { articleSyncSchema, outboxItemSchema, syncStatusSchema } from './model/SyncStatus';

/**
 * The one contract between the renderer and the services. A channel exists only if it is declared
 * here: the Electron host, the web host and the preload all derive from this object, and every
 * input is validated with its schema at the host boundary.
 */
export const channels = {
  /** Full text over the local store, diacritic-insensitive, exact spelling first; snippets carry highlight ranges. */
  'search.query': {
    input: searchQuerySchema,
    output: searchResultSchema,
  },
  /** Files the store moved to quarantine/ (damaged), until dismissed. */
  'store.notices': {
    input: z.object({}),
    output: z.array(storeNoticeSchema),
  },
  'store.dismissNotice': {
    input: z.object({ id: storeNoticeSchema.shape.id }),
    output: z.object({ dismissed: z.boolean() }),
  },
  /** Kept versions of an article, newest first. */
  'history.list': {
    input: z.object({ id: articleIdSchema }),
    output: z.array(historyVersionSchema),
  },
  'history.get': {
    input: z.object({ id: articleIdSchema, rev: z.number().int().nonnegative() }),
    output: historySnapshotSchema,
  },
  /** Makes version `rev`'s content a new version; `baseRev` is the stored rev the user saw. */
  'history.restore': {
    input: z.object({
      id: articleIdSchema,
      rev: z.number().int().nonnegative(),
      baseRev: z.number().int().nonnegative(),
    }),
    output: articleSchema,
  },
  /** Stores a photo (original + display rendition + thumb); the same bytes give the same asset. */
  'media.import': {
    input: z.object({
      name: z.string().min(1).max(255),
      /** The file's bytes, base64: the web transport is JSON; 4/3 of the byte limit. */
      bytes: z.base64().max(Math.ceil(MEDIA_MAX_BYTES / 3) * 4),
    }),
    output: mediaAssetSchema,
  },
  /** One rendition's bytes (base64) for the renderer to show through a blob: URL. */
  'media.get': {
    input: z.object({ assetId: assetIdSchema, rendition: renditionSchema }),
    output: z.object({ mime: z.string(), bytes: z.string() }),
  },
  /** Every photo on the desk, in the order they were imported. */
  'photos.list': {
    input: z.object({}),
    output: z.array(photoSchema),
  },
  /** One rendition's bytes (base64) for a blob: URL; the grid asks only for the thumbnails in view. */
  'photos.rendition': {
    input: z.object({ id: photoIdSchema, rendition: photoRenditionSchema }),
    output: z.object({ mime: z.string(), bytes: z.string() }),
  },
  /** Caption fields of one photo; `baseRev` is the rev the form showed: another rev is a CONFLICT. */
  'photos.update': {
    input: z.object({ id: photoIdSchema, baseRev: z.number().int().nonnegative(), fields: photoFieldsSchema.partial() }),
    output: photoSchema,
  },
  /** Several photos at once (a batch apply, or its undo): all or none. */
  'photos.updateMany': {
    input: z.object({
      items: z
        .array(z.object({ id: photoIdSchema, baseRev: z.number().int().nonnegative().optional(), fields: photoFieldsSchema.partial() }))
        .min(1)
        .max(PHOTO_BATCH_MAX),
    }),
    output: z.array(photoSchema),
  },
  /**
   * Desktop only: the main process opens the native dialog (files, or whole folders), reads the
   * paths and imports them; progress comes as photos.importProgress events with this batchId.
   * The web edition streams each file's bytes to POST /api/upload/photo instead.
   */
  'photos.importDialog': {
    input: z.object({ batchId: z.string().min(1).max(100), kind: z.enum(['files', 'folders']) }),
    output: photoBatchResultSchema,
  },
  'photos.importCancel': {
    input: z.object({ batchId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'app.info': {
    input: z.object({}),
    output: z.object({
      name: z.literal('Newsdesk'),
      version: z.string(),
      host: z.enum(['electron', 'web']),
      dataDir: z.string(),
      articleCount: z.number().int().nonnegative(),
    }),
  },
  'articles.list': {
    input: z.object({}),
    output: z.array(articleSummarySchema),
  },
  'articles.create': {
    input: articleEditableSchema.partial(),
    output: articleSchema,
  },
  'articles.get': {
    input: z.object({ id: articleIdSchema }),
    output: articleSchema,
  },
  'articles.save': {
    input: z.object({
      id: articleIdSchema,
      /** The rev the editor started from; a different stored rev is a CONFLICT, never an overwrite. */
      baseRev: z.number().int().nonnegative(),
      changes: articleEditableSchema.partial(),
    }),
    output: articleSchema,
  },
  /** Moves an article in its lifecycle; the role is the current profile's, never the caller's. */
  'articles.transition': {
    input: z.object({
      id: articleIdSchema,
      to: articleStateSchema,
      /** Required when returning an article: what the writer must fix. */
      note: z.string().max(RETURN_NOTE_MAX).optional(),
      baseRev: z.number().int().nonnegative().optional(),
    }),
    output: articleSchema,
  },
  /**
   * An editor lets a publish-check warning stand, with a reason (issue #15). The role is the
   * current profile's; the service refuses reporters, blocking checks and checks that pass.
   */
  'articles.overrideCheck': {
    input: z.object({
      id: articleIdSchema,
      rule: checkOverrideSchema.shape.rule,
      /** The figure's asset id for a figure's check; empty for the article's own. */
      target: checkOverrideSchema.shape.target,
      reason: z.string().max(OVERRIDE_REASON_MAX),
      baseRev: z.number().int().nonnegative().optional(),
    }),
    output: articleSchema,
  },
  'articles.bulk': {
    input: z.object({ ids: z.array(articleIdSchema).min(1).max(BULK_MAX_IDS), action: bulkActionSchema }),
    output: z.array(bulkItemResultSchema),
  },
  'articles.export': {
    input: z.object({ ids: z.array(articleIdSchema).min(1).max(BULK_MAX_IDS) }),
    output: articleBundleSchema,
  },
  'profile.get': {
    input: z.object({}),
    output: profileSchema,
  },
  'profile.set': {
    input: profileSchema,
    output: profileSchema,
  },
  /** The signed-in portal account (never its password), or null. */
  'portal.account': {
    input: z.object({}),
    output: portalAccountViewSchema.nullable(),
  },
  /** Checks the credentials against the portal's /users/me, then keeps the password in the vault. */
  'portal.signIn': {
    input: signInInputSchema,
    output: portalAccountViewSchema,
  },
  'portal.signOut': {
    input: z.object({}),
    output: z.object({ signedOut: z.literal(true) }),
  },
  'sync.status': {
    input: z.object({}),
    output: syncStatusSchema,
  },
  /** Each article's standing with the portal (receipts, waiting, problems, conflicts). */
  'sync.articles': {
    input: z.object({}),
    output: z.array(articleSyncSchema),
  },
  'sync.outbox': {
    input: z.object({}),
    output: z.object({ active: z.array(outboxItemSchema), recent: z.array(outboxItemSchema) }),
  },
  /** Pushes everything waiting, then pulls; answers when the run is over. */
  'sync.now': {
    input: z.object({}),
    output: syncStatusSchema,
  },
  'sync.retry': {
    input: z.object({ id: z.string().max(100) }),
    output: outboxItemSchema,
  },
  'sync.cancel': {
    input: z.object({ id: z.string().max(100) }),
    output: outboxItemSchema,
  },
  /** The OS's network signal (navigator.onLine): offline stops every attempt until online again. */
  'sync.setNetwork': {
    input: z.object({ online: z.boolean() }),
    output: syncStatusSchema,
  },
  /** Whether drafts go to the portal (as portal drafts) before they are submitted. */
  'sync.setDrafts': {
    input: z.object({ syncDrafts: z.boolean() }),
    output: syncStatusSchema,
  },
  /** The block-by-block merge waiting for the writer's choices. */
  'sync.conflict': {
    input: z.object({ id: articleIdSchema }),
    output: z.object({ merge: articleMergeSchema, remote: articleContentSchema }),
  },
  'sync.resolve': {
    input: z.object({ id: articleIdSchema, choices: mergeChoicesSchema }),
    output: articleSchema,
  },
  /** The post was deleted on the portal: push it again as a new post, or keep it here only. */
  'sync.afterPortalDelete': {
    input: z.object({ id: articleIdSchema, choice: z.enum(['recreate', 'detach']) }),
    output: z.object({ done: z.literal(true) }),
  },
} as const;

export const events = {
  'articles.changed': z.object({
    ids: z.array(articleIdSchema),
    reason: z.enum(['created', 'saved', 'deleted', 'reloaded', 'transitioned', 'overridden']),
    /**
     * The summaries of those of `ids` that still exist: the queue patches its list with them
     * instead of listing 10,000 summaries again after every autosave.
     */
    summaries: z.array(articleSummarySchema),
  }),
  'profile.changed': profileSchema,
  /** A file was quarantined while the app ran. */
  'store.notice': storeNoticeSchema,
  'portal.account': portalAccountViewSchema.nullable(),
  /** The outbox or an article's standing with the portal changed. */
  'sync.changed': z.object({ status: syncStatusSchema, articles: z.array(articleSyncSchema) }),
  /** Photos added to the desk or whose fields changed (the records as they now are). */
  'photos.changed': z.object({ photos: z.array(photoSchema) }),
  'photos.importProgress': photoImportProgressSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// Name checks live beside the plain name lists, so that the preload can use them without zod.
export { isChannelName, isEventName } from './contractNames';

/** What crosses every transport: a value or a typed error, never a thrown exception. */
export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const invokeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorPayloadSchema }),
]);

/**
 * `window.newsdesk` as the preload exposes it, and as the web edition's transport implements it.
 * The renderer reaches it only through src/renderer/app/bridge.ts.
 */
export interface NewsdeskTransport {
  invoke(channel: ChannelName, input: unknown): Promise<InvokeResult>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * The web edition only: one photo's bytes as a binary request body (never base64 in JSON),
   * answered with a PhotoImportOutcome. The desktop imports through photos.importDialog.
   */
  uploadPhoto?(file: Blob, name: string, signal?: UploadSignal): Promise<InvokeResult>;
}

/** The part of a DOM AbortSignal an upload needs (shared code has no DOM types). */
export interface UploadSignal {
  readonly aborted: boolean;
}
