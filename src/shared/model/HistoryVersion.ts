import { z } from 'zod';
import { articleSchema } from './Article';

/**
 * Why a version was kept: `edit` every ≥10 minutes of writing, `submit`/`state` on lifecycle moves,
 * `sync` when the portal agreed on it, `before-restore` the version a restore replaced, and
 * `restore` the new version a restore made.
 */
export const HISTORY_REASONS = ['edit', 'submit', 'state', 'sync', 'before-restore', 'restore'] as const;
export const historyReasonSchema = z.enum(HISTORY_REASONS);
export type HistoryReason = z.infer<typeof historyReasonSchema>;

export const historyVersionSchema = z.object({
  rev: z.number().int().nonnegative(),
  reason: historyReasonSchema,
  /** When the snapshot was taken. */
  savedAt: z.iso.datetime({ offset: true }),
  wordCount: z.number().int().nonnegative(),
  /** For `restore`: the rev whose content this version brought back. */
  restoredFrom: z.number().int().nonnegative().nullable(),
});
export type HistoryVersion = z.infer<typeof historyVersionSchema>;

export const historySnapshotSchema = historyVersionSchema.extend({ article: articleSchema });
export type HistorySnapshot = z.infer<typeof historySnapshotSchema>;
