import { describe, expect, it } from 'vitest';
import { syncKeyOf, syncMarker, withSyncMarker, withoutSyncMarker } from '../../../../src/shared/content/syncMarker';

const KEY = '5f0e2c9a7b3d4e1f8a6c0b2d4e6f8a1c';
const BODY = '<!-- wp:paragraph -->\n<p>Cửa Lò tổ chức hội nghị giao ban quý III.</p>\n<!-- /wp:paragraph -->';

describe('syncMarker', () => {
  it('is found and removed as written, first in the content', () => {
    const html = withSyncMarker(BODY, KEY);
    expect(html).toBe(`${syncMarker(KEY)}\n${BODY}`);
    expect(syncKeyOf(html)).toBe(KEY);
    expect(withoutSyncMarker(html)).toBe(BODY);
  });

  it('is found and removed as wp-admin’s block editor saves it: wrapped in a Classic block’s paragraph', () => {
    const html = `<p>${syncMarker(KEY)}</p>\n${BODY}`;
    expect(syncKeyOf(html)).toBe(KEY);
    expect(withoutSyncMarker(html)).toBe(BODY);
    expect(withSyncMarker(html, KEY)).toBe(`${syncMarker(KEY)}\n${BODY}`);
  });

  it('leaves a paragraph that only starts with the marker a paragraph', () => {
    expect(withoutSyncMarker(`<p>${syncMarker(KEY)}Bà con phấn khởi.</p>`)).toBe('<p>Bà con phấn khởi.</p>');
  });
});
