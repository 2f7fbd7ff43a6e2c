import { z } from 'zod';
import { errorPayloadSchema } from '../errors';
import { articleIdSchema, articleStateSchema } from './Article';

export const BULK_ACTIONS = ['spike', 'restore'] as const;
export const bulkActionSchema = z.enum(BULK_ACTIONS);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** One article's outcome in a bulk action: each id succeeds or fails on its own. */
export const bulkItemResultSchema = z.union([
  z.object({ id: articleIdSchema, ok: z.literal(true), state: articleStateSchema }),
  z.object({ id: articleIdSchema, ok: z.literal(false), error: errorPayloadSchema }),
]);
export type BulkItemResult = z.infer<typeof bulkItemResultSchema>;

/** Large enough for "select all" on a real queue, small enough to bound one call's work. */
export const BULK_MAX_IDS = 20_000;
