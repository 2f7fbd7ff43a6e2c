// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { lexicalToCleanHtml } from '../../../../src/shared/content/lexicalToCleanHtml';
import {
  documentOf,
  figureNode,
  headingNode,
  linkNode,
  paragraphNode,
  textNode,
} from '../../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../../src/shared/model/Article';
import { portalDateLine, previewBodyHtml } from '../../../../src/renderer/editor/preview/previewBodyHtml';

const state = (children: Parameters<typeof documentOf>[0]) => documentOf(children) as unknown as LexicalState;
const urls = new Map([['a1', 'blob:http://127.0.0.1:4000/5b1c']]);
const urlOf = (id: string) => urls.get(id);
const HOLE = 'Chưa có ảnh cho ô này';

describe('previewBodyHtml', () => {
  it('shows photos through the editor’s blob: URLs, with alt text, caption and credit', () => {
    const html = previewBodyHtml(
      state([figureNode({ assetId: 'a1', caption: 'Du khách tắm biển Cửa Lò', alt: 'Bãi biển', credit: 'Hoàng Lan' })]),
      urlOf,
      HOLE,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const img = doc.querySelector('figure img')!;
    expect(img.getAttribute('src')).toBe('blob:http://127.0.0.1:4000/5b1c');
    expect(img.getAttribute('alt')).toBe('Bãi biển');
    expect(doc.querySelector('figcaption')!.textContent).toBe('Du khách tắm biển Cửa Lò — Hoàng Lan');
  });

  it('keeps headings, links and alignment, and nothing the clean flavour does not make', () => {
    const html = previewBodyHtml(
      state([
        headingNode('h3', [textNode('Tiêu đề phụ')], 'center'),
        paragraphNode([textNode('Xem '), linkNode('https://example.org/a', [textNode('tại đây')])], 'right'),
      ]),
      urlOf,
      HOLE,
    );
    expect(html).toBe('<h3 style="text-align:center">Tiêu đề phụ</h3>\n<p style="text-align:right">Xem <a href="https://example.org/a">tại đây</a></p>');
  });

  it('text that looks like markup stays text, and a hostile address is not a link', () => {
    const html = previewBodyHtml(
      state([
        paragraphNode([textNode('<img src=x onerror="alert(1)"> & <script>alert(2)</script>')]),
        paragraphNode([linkNode('javascript:alert(3)', [textNode('bấm')])]),
        figureNode({ assetId: 'a1', caption: '"><script>alert(4)</script>', alt: '" onerror="alert(5)', credit: '' }),
      ]),
      urlOf,
      HOLE,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('" onerror="alert(5)');
    expect(doc.body.textContent).toContain('<script>alert(2)</script>');
  });

  it('an empty photo slot, or a photo that could not be read, shows as a marked hole, not an empty image', () => {
    const html = previewBodyHtml(
      state([
        figureNode({ assetId: '', caption: 'Lãnh đạo huyện tham quan gian hàng', alt: '', credit: '', sourceName: 'img_4426' }),
        figureNode({ assetId: 'unreadable', caption: 'Tàu cá', alt: 'Tàu', credit: '' }),
      ]),
      urlOf,
      HOLE,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll('figure .nd-preview-missing'), (hole) => hole.textContent)).toEqual([HOLE, HOLE]);
    expect(doc.querySelectorAll('figcaption')).toHaveLength(2);
    expect(html).not.toContain('img_4426');
  });
});

describe('the blob: scheme', () => {
  it('is refused by default: nothing sent to the portal carries a blob: address', () => {
    const body = state([figureNode({ assetId: 'a1', caption: 'Ảnh', alt: 'Ảnh', credit: '' })]);
    expect(lexicalToCleanHtml(body, { srcOf: urlOf })).not.toContain('blob:');
    expect(lexicalToCleanHtml(body, { srcOf: urlOf, imageSchemes: ['blob'] })).toContain('src="blob:');
  });
});

describe('portalDateLine', () => {
  it('prints the date the way the portal does, day first', () => {
    const iso = new Date(2016, 10, 24, 8, 30).toISOString();
    expect(portalDateLine(iso)).toBe('Đăng ngày 24/11/2016');
  });
});
