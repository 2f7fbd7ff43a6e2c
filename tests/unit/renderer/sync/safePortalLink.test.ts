import { expect, it } from 'vitest';
import { safePortalLink } from '../../../../src/renderer/sync/safePortalLink';

it('keeps http(s) links of the portal', () => {
  expect(safePortalLink('https://cualo.vn/2026/12/02/hoi-nghi-giao-ban/')).toBe('https://cualo.vn/2026/12/02/hoi-nghi-giao-ban/');
  expect(safePortalLink('http://192.168.1.20/?p=12')).toBe('http://192.168.1.20/?p=12');
});

it('refuses anything a click must not open', () => {
  for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', '/?p=12', '']) expect(safePortalLink(bad)).toBeNull();
});
