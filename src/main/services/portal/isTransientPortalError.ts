import { isNewsdeskError, type ErrorCode } from '../../../shared/errors';

/** Worth trying again later without anyone changing anything: the network, the server, a cut answer. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['PORTAL_UNREACHABLE', 'PORTAL_SERVER', 'PORTAL_BAD_RESPONSE', 'PORTAL_CHANGED']);

/** Whether the outbox should retry after this error; anything that is not a portal error is not. */
export function isTransientPortalError(error: unknown): boolean {
  return isNewsdeskError(error) && TRANSIENT.has(error.code);
}
