import { z } from 'zod';

/** Why a file was moved to quarantine/: cut short, not JSON, not an article, or from a newer Newsdesk. */
export const QUARANTINE_REASONS = ['truncated', 'invalid-json', 'wrong-schema', 'newer-version'] as const;
export const quarantineReasonSchema = z.enum(QUARANTINE_REASONS);
export type QuarantineReason = z.infer<typeof quarantineReasonSchema>;

/**
 * Something the store did on its own that the newsroom must know about. Persisted, so it stays on
 * screen across restarts until someone dismisses it.
 */
export const storeNoticeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: z.literal('quarantined'),
  /** The file's name as it was, e.g. `abc.json`. */
  file: z.string().max(300),
  /** Its name inside quarantine/ (kept, never deleted). */
  movedTo: z.string().max(300),
  reason: quarantineReasonSchema,
  at: z.iso.datetime({ offset: true }),
});
export type StoreNotice = z.infer<typeof storeNoticeSchema>;
