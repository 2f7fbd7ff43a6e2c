import { z } from 'zod';

/**
 * Error codes cross the boundary between services and the renderer; prose never does.
 * The renderer looks each code up in its i18n tables (vi, en).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'STORAGE_FULL',
  'STORAGE_READONLY',
  'STORAGE_PERMISSION',
  'STORAGE_IO',
  'INTERNAL',
  /** An import that is not an image we can decode (corrupt, truncated, unsupported, too large). */
  'MEDIA_INVALID',
  /** A lifecycle move the table (src/shared/model/lifecycle.ts) does not allow; details.reason says why. */
  'INVALID_TRANSITION',
  /** The article's file was damaged (cut short, not JSON, wrong shape) and moved to quarantine/. */
  'ARTICLE_DAMAGED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

export class NewsdeskError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    // The message is for developers' logs only; users see the translated code.
    super(details ? `${code} ${safeStringify(details)}` : code);
    this.name = 'NewsdeskError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, details: this.details } : { code: this.code };
  }

  static fromPayload(payload: ErrorPayload): NewsdeskError {
    return new NewsdeskError(payload.code, payload.details);
  }
}

export function isNewsdeskError(value: unknown): value is NewsdeskError {
  return value instanceof NewsdeskError;
}

/** Maps Node's file-system error codes to ours, so a full disk reads as "disk full", not "EIO". */
export function storageErrorCode(errno: string | undefined): ErrorCode {
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'STORAGE_FULL';
    case 'EROFS':
      return 'STORAGE_READONLY';
    case 'EACCES':
    case 'EPERM':
      return 'STORAGE_PERMISSION';
    default:
      return 'STORAGE_IO';
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '[unserialisable details]';
  }
}
