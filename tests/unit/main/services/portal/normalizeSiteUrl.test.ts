import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl } from '../../../../../src/main/services/portal/normalizeSiteUrl';
import { NewsdeskError } from '../../../../../src/shared/errors';

function refusal(input: string): unknown {
  try {
    normalizeSiteUrl(input);
  } catch (error) {
    return error;
  }
  return null;
}

describe('normalizeSiteUrl', () => {
  it('trims, adds https:// when there is no scheme and drops trailing slashes', () => {
    expect(normalizeSiteUrl('  cualo.nghean.gov.vn/  ')).toEqual({ siteUrl: 'https://cualo.nghean.gov.vn', insecure: false });
    expect(normalizeSiteUrl('https://CuaLo.vn/tin-tuc//')).toEqual({ siteUrl: 'https://cualo.vn/tin-tuc', insecure: false });
    expect(normalizeSiteUrl('https://cualo.vn:8443')).toEqual({ siteUrl: 'https://cualo.vn:8443', insecure: false });
    // A host:port typed without scheme is a host, not a scheme named after it.
    expect(normalizeSiteUrl('localhost:8080')).toEqual({ siteUrl: 'https://localhost:8080', insecure: false });
  });

  it('keeps a Vietnamese domain as its punycode and a Vietnamese path percent-encoded', () => {
    expect(normalizeSiteUrl('https://cửalò.vn/thời-sự').siteUrl).toBe('https://xn--cal-ena6849a.vn/th%E1%BB%9Di-s%E1%BB%B1');
    // Typed decomposed (NFD), the host is the same (IDNA normalises it); the path is not, so it is NFC'd first.
    expect(normalizeSiteUrl('https://cửalò.vn/thời-sự'.normalize('NFD')).siteUrl).toBe('https://xn--cal-ena6849a.vn/th%E1%BB%9Di-s%E1%BB%B1');
  });

  it('marks plain http to another machine insecure, and never loopback', () => {
    expect(normalizeSiteUrl('http://cualo.vn')).toEqual({ siteUrl: 'http://cualo.vn', insecure: true });
    expect(normalizeSiteUrl('http://192.168.1.20/portal').insecure).toBe(true);
    expect(normalizeSiteUrl('http://127.0.0.1:8080').insecure).toBe(false);
    expect(normalizeSiteUrl('http://127.4.5.6').insecure).toBe(false);
    expect(normalizeSiteUrl('http://localhost').insecure).toBe(false);
    expect(normalizeSiteUrl('http://[::1]:8080').insecure).toBe(false);
    // Names that only start like loopback are other machines.
    expect(normalizeSiteUrl('http://127.0.0.1.cualo.vn').insecure).toBe(true);
    expect(normalizeSiteUrl('http://localhost.cualo.vn').insecure).toBe(true);
    expect(normalizeSiteUrl('http://[::2]').insecure).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://cualo.vn', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'unparsable'],
    ['https://bientap:matkhau@cualo.vn', 'credentials'],
    ['https://bientap@cualo.vn', 'credentials'],
    ['https://cualo.vn/?rest_route=/', 'query'],
    ['https://cualo.vn/?', 'query'],
    ['https://cualo.vn/#tin', 'fragment'],
    ['https://cualo.vn#', 'fragment'],
    ['https://', 'unparsable'],
    ['https://cua lo.vn', 'unparsable'],
  ])('refuses %j with PORTAL_BAD_URL (%s)', (input, reason) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('PORTAL_BAD_URL');
    expect((error as NewsdeskError).details).toEqual({ reason });
  });

  it('never puts the typed credentials in the error', () => {
    const error = refusal('https://bientap:MatKhau-Bi-Mat@cualo.vn') as NewsdeskError;
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('MatKhau');
  });
});
