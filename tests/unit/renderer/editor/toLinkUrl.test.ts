import { expect, it } from 'vitest';
import { isAllowedLinkUrl, toLinkUrl } from '../../../../src/renderer/editor/plugins/LinkEditorPlugin/toLinkUrl';

it('accepts http, https and mailto, completing bare domains and addresses', () => {
  expect(toLinkUrl('https://nghean.gov.vn/tin?id=1')).toBe('https://nghean.gov.vn/tin?id=1');
  expect(toLinkUrl(' http://cualo.vn ')).toBe('http://cualo.vn/');
  expect(toLinkUrl('nghean.gov.vn/moi')).toBe('https://nghean.gov.vn/moi');
  expect(toLinkUrl('toasoan@example.vn')).toBe('mailto:toasoan@example.vn');
  expect(toLinkUrl('mailto:toasoan@example.vn')).toBe('mailto:toasoan@example.vn');
});

it('refuses every other scheme, spaces and non-addresses', () => {
  for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', 'ftp://a.vn', 'https://', 'hai từ', '', 'mailto:không-phải-thư']) {
    expect(toLinkUrl(bad), bad).toBeNull();
    expect(isAllowedLinkUrl(bad), bad).toBe(false);
  }
});
