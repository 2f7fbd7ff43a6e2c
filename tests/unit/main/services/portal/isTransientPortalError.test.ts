import { describe, expect, it } from 'vitest';
import { isTransientPortalError } from '../../../../../src/main/services/portal/isTransientPortalError';
import { ERROR_CODES, NewsdeskError } from '../../../../../src/shared/errors';

describe('isTransientPortalError', () => {
  it('retries only no answer, a server error, a malformed answer and a post that moved on during the push (the plugin’s 412)', () => {
    const transient = ERROR_CODES.filter((code) => isTransientPortalError(new NewsdeskError(code)));
    expect(transient).toEqual(['PORTAL_UNREACHABLE', 'PORTAL_SERVER', 'PORTAL_BAD_RESPONSE', 'PORTAL_CHANGED']);
  });

  it('does not retry what is not a NewsdeskError', () => {
    expect(isTransientPortalError(new Error('PORTAL_UNREACHABLE'))).toBe(false);
    expect(isTransientPortalError({ code: 'PORTAL_SERVER' })).toBe(false);
    expect(isTransientPortalError(null)).toBe(false);
  });
});
