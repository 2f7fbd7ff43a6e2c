import { z } from 'zod';

export const OVERRIDE_REASON_MAX = 500;

/**
 * An editor's decision to let a publish-check warning stand (issue #15), stored on the article
 * and shown in its checklist to everybody: which check, on what (a figure's asset id; empty for
 * the article itself), why, who and when. Owned by the lifecycle service, never by a save.
 * `rule` is kept as a string, not the current list of ids: an override of a check a newer
 * Newsdesk added must survive a save by this one.
 */
export const checkOverrideSchema = z.object({
  rule: z.string().min(1).max(80),
  target: z.string().max(200),
  reason: z.string().min(1).max(OVERRIDE_REASON_MAX),
  by: z.string().max(200),
  at: z.iso.datetime({ offset: true }),
});
export type CheckOverride = z.infer<typeof checkOverrideSchema>;
