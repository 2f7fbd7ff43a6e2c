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
  /**
   * An override of a publish check the service refused; details.reason: 'not-editor' (only an
   * editor may), 'blocking' (blocking checks cannot be overridden), 'no-such-issue' (the check
   * passes now), 'reason-required'.
   */
  'OVERRIDE_REFUSED',
  /** The article's file was damaged (cut short, not JSON, wrong shape) and moved to quarantine/. */
  'ARTICLE_DAMAGED',
  // The portal (src/main/services/portal). Each is translated in the renderer; details never hold
  // a credential. Transient ones (UNREACHABLE, SERVER, BAD_RESPONSE, CHANGED) are retried by the outbox.
  /** No portal account is set up on this machine. */
  'PORTAL_NOT_CONFIGURED',
  /** The site URL is not a valid http(s) URL. */
  'PORTAL_BAD_URL',
  /** No answer: offline, DNS, connection refused or reset, timeout. */
  'PORTAL_UNREACHABLE',
  /** The site answers, but is not a WordPress with a REST API. */
  'PORTAL_NOT_WORDPRESS',
  /** A WordPress whose REST API is switched off (by a plugin or the host). */
  'PORTAL_REST_DISABLED',
  /** 401: wrong user name or application password, or the password was revoked. */
  'PORTAL_AUTH',
  /** 403: the portal refused this action for this user's role; details.wpCode is WordPress's code. */
  'PORTAL_FORBIDDEN',
  /** 404: the post or photo no longer exists on the portal (deleted there). */
  'PORTAL_NOT_FOUND',
  /** 5xx, or an HTML error page instead of JSON. */
  'PORTAL_SERVER',
  /** An answer that is not what WordPress sends: malformed JSON, wrong shape, too large. */
  'PORTAL_BAD_RESPONSE',
  /** The portal redirected to another host: refused, so credentials never leave the site. */
  'PORTAL_REDIRECT',
  /**
   * 412 from the companion plugin: the post changed on the portal between the read and the write.
   * The push reads and merges again; only if it keeps happening does the outbox retry (transient).
   */
  'PORTAL_CHANGED',
  /** The article changed on the portal and locally: blocks conflict and wait for the writer's choice. */
  'SYNC_CONFLICT',
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
