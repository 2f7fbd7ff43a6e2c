import { describe, expect, it } from 'vitest';
import { isTransientPortalError } from '../../../../../src/main/services/portal/isTransientPortalError';
import { ERROR_CODES, NewsdeskError } from '../../../../../src/shared/errors';

describe('isTransientPortalError', () => {
  it('retries only no answer, a server error and a malformed answer', () => {
    const transient = ERROR_CODES.filter((code) => isTransientPortalError(new NewsdeskError(code)));
    expect(transient).toEqual(['PORTAL_UNREACHABLE', 'PORTAL_SERVER', 'PORTAL_BAD_RESPONSE']);
  });

  it('does not retry what is not a NewsdeskError', () => {
    expect(isTransientPortalError(new Error('PORTAL_UNREACHABLE'))).toBe(false);
    expect(isTransientPortalError({ code: 'PORTAL_SERVER' })).toBe(false);
    expect(isTransientPortalError(null)).toBe(false);
  });
});
