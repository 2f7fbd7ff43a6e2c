import { describe, expect, it } from 'vitest';
import { gutenbergToLexical } from '../../../../src/shared/content/gutenbergToLexical';
import { lexicalToCleanHtml } from '../../../../src/shared/content/lexicalToCleanHtml';
import { plainTextOf } from '../../../../src/shared/content/plainTextOf';
import {
  documentOf,
  figureNode,
  headingNode,
  lineBreakNode,
  linkNode,
  listNode,
  paragraphNode,
  textNode,
} from '../../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../../src/shared/model/Article';

describe('classic WordPress content', () => {
  it('reads blank-line paragraphs, single line breaks and inline markup (before wpautop)', () => {
    const html = 'Dòng một <strong>đậm</strong>\ndòng hai\n\n<h1>Tiêu đề</h1>\nĐoạn <a href="https://x.vn">ba</a>';
    expect(gutenbergToLexical(html)).toEqual(
      documentOf([
        paragraphNode([textNode('Dòng một '), textNode('đậm', 1), lineBreakNode(), textNode('dòng hai')]),
        headingNode('h2', [textNode('Tiêu đề')]),
        paragraphNode([textNode('Đoạn '), linkNode('https://x.vn', [textNode('ba')])]),
      ]),
    );
  });

  it('turns [caption] shortcodes into figures, keeping the attachment id', () => {
    const html =
      'Trước\n\n[caption id="attachment_77" align="aligncenter" width="600"]<a href="https://p.vn/a.jpg"><img class="size-large wp-image-77" src="https://p.vn/a-600.jpg" alt="Toàn cảnh" width="600" height="400" /></a> Toàn cảnh hội nghị[/caption]\n\nSau';
    expect(gutenbergToLexical(html)).toEqual(
      documentOf([
        paragraphNode([textNode('Trước')]),
        figureNode({ assetId: 'wp:77', src: 'https://p.vn/a-600.jpg', caption: 'Toàn cảnh hội nghị', alt: 'Toàn cảnh', credit: '' }),
        paragraphNode([textNode('Sau')]),
      ]),
    );
  });

  it('takes an image inside a paragraph out into a figure of its own', () => {
    const doc = gutenbergToLexical('<p>Chữ <img src="https://p.vn/b.jpg" alt="B"> tiếp</p><p><img src="https://p.vn/c.jpg"></p>');
    expect(doc.root.children.map((n) => (n as { type: string }).type)).toEqual(['paragraph', 'figure', 'figure']);
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const doc = gutenbergToLexical('<p>' + 'Nghệ An'.normalize('NFD') + '</p>');
    expect(plainTextOf(doc)).toBe('Nghệ An'.normalize('NFC'));
  });
});

describe('malicious portal HTML is neutralised', () => {
  const evil = [
    '<p>a<script>alert(1)</script>b</p>',
    '<p><a href="javascript:alert(1)">x</a></p>',
    '<p><a href="  jav&#x09;ascript:alert(1)">x</a></p>',
    '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>',
    '<p><img src=x onerror=alert(1)></p>',
    '<figure><img src="javascript:alert(1)" alt="a"></figure>',
    '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">s</a></svg><p>ok</p>',
    '<iframe src="https://evil.example"></iframe><style>p{}</style><p onclick="alert(1)">ok</p>',
  ];
  for (const html of evil) {
    it(html, () => {
      const doc = gutenbergToLexical(html);
      const json = JSON.stringify(doc);
      expect(json).not.toMatch(/javascript|alert|onerror|onclick|data:|<script/i);
      const clean = lexicalToCleanHtml(doc);
      expect(clean).not.toMatch(/<script|javascript:|onerror|onclick|<iframe|<svg|<style/i);
    });
  }
});

describe('clean HTML', () => {
  it('has no block comments or classes and keeps structure', () => {
    const doc = documentOf([
      headingNode('h2', [textNode('A & B')]),
      listNode('bullet', [[textNode('x', 2)]]),
      figureNode({ assetId: 'a', src: 'https://p.vn/a.jpg', caption: 'Cảnh', alt: 'Ảnh', credit: 'TB' }),
    ]) as unknown as LexicalState;
    expect(lexicalToCleanHtml(doc)).toBe(
      '<h2>A &amp; B</h2>\n<ul><li><em>x</em></li></ul>\n<figure><img src="https://p.vn/a.jpg" alt="Ảnh"/><figcaption>Cảnh — TB</figcaption></figure>',
    );
  });
});
