import { describe, expect, it } from 'vitest';
import { isWellFormedLink } from '../../../../src/shared/publishChecks/isWellFormedLink';

describe('isWellFormedLink', () => {
  it.each([
    'https://nghean.gov.vn',
    'https://nghean.gov.vn/tin-tuc/cua-lo?id=5&p=2#muc-1',
    'http://cualo.vn:8080/',
    'HTTPS://CUALO.VN/TIN',
    'https://xn--ca-l-2qa.vn/',
    'https://cửalò.vn/tin',
    'http://192.168.1.10/noi-bo',
    'http://localhost:8080/',
    'mailto:toasoan@cualo.vn',
    'mailto:toasoan@cualo.vn?subject=Tin%20b%C3%A0i',
    'https://nghean.gov.vn/tin-tuc/c%E1%BB%ADa-l%C3%B2',
  ])('accepts %s', (url) => expect(isWellFormedLink(url)).toBe(true));

  it.each([
    ['empty', ''],
    ['a space inside', 'https://cualo.vn/tin tuc'],
    ['a space before', ' https://cualo.vn'],
    ['a no-break space', 'https://cualo.vn/tin\u00a0tuc'],
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: in capitals', 'JavaScript:void(0)'],
    ['data:', 'data:text/html,<b>x</b>'],
    ['vbscript:', 'vbscript:msgbox'],
    ['file:', 'file:///C:/bai.docx'],
    ['ftp:', 'ftp://cualo.vn/a'],
    ['relative', '/tin-tuc/123'],
    ['a bare domain', 'cualo.vn/tin'],
    ['no host', 'https://'],
    ['a host without a dot', 'https://cualo/'],
    ['a label ending in a hyphen', 'https://cua-.vn/'],
    ['a port out of range', 'https://cualo.vn:99999/'],
    ['user info', 'https://user:pass@cualo.vn/'],
    ['mailto without an address', 'mailto:'],
    ['mailto without a domain', 'mailto:toasoan@'],
    ['an IP past 255', 'http://300.1.1.1/'],
  ])('refuses %s', (_why, url) => expect(isWellFormedLink(url)).toBe(false));
});
