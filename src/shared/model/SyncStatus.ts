import { z } from 'zod';
import { errorPayloadSchema } from '../errors';
import { articleIdSchema } from './Article';
import { portalStatusSchema } from './PortalAccount';

const isoDate = z.iso.datetime({ offset: true });

/** What the portal last acknowledged for one article: shown as is (architecture rule 9). */
export const portalReceiptSchema = z.object({
  postId: z.number().int().positive(),
  status: portalStatusSchema,
  link: z.string(),
  /** The portal's `modified_gmt`. */
  modifiedGmt: z.string(),
  /** When this laptop received the answer. */
  at: isoDate,
});
export type PortalReceipt = z.infer<typeof portalReceiptSchema>;

/** One article's standing with the portal, for the queue and the editor. */
export const articleSyncSchema = z.object({
  articleId: articleIdSchema,
  /** The portal's last answer; null until the portal has the article. */
  receipt: portalReceiptSchema.nullable(),
  /** Something of this article is in the outbox, not yet acknowledged. */
  waiting: z.boolean(),
  /** The last refusal or failure that stopped its outbox item (translated in the renderer). */
  problem: errorPayloadSchema.nullable(),
  /** Changed on the portal and here: the writer must choose, block by block. */
  conflict: z.boolean(),
  /** The post was deleted on the portal: ask, never re-create silently. */
  deletedOnPortal: z.boolean(),
});
export type ArticleSync = z.infer<typeof articleSyncSchema>;

export const OUTBOX_STATES = ['waiting', 'running', 'retrying', 'blocked', 'done', 'cancelled'] as const;
export const outboxItemSchema = z.object({
  id: z.string(),
  articleId: articleIdSchema,
  /** push: make the portal's post match the article (content, photos, status); trash: spike it there. */
  kind: z.enum(['push', 'trash']),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().nonnegative(),
  enqueuedAt: isoDate,
  /** When the next try is due (retrying), if known. */
  nextAttemptAt: isoDate.nullable(),
  lastError: errorPayloadSchema.nullable(),
  receipt: portalReceiptSchema.nullable(),
  /** The article's title when it was queued, for the outbox list. */
  title: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const syncStatusSchema = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  /** A push or pull is under way. */
  running: z.boolean(),
  waiting: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  lastSyncAt: isoDate.nullable(),
  lastError: errorPayloadSchema.nullable(),
  /** Drafts go to the portal as drafts only when the writer chose so. */
  syncDrafts: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
