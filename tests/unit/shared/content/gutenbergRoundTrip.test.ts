import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gutenbergToLexical } from '../../../../src/shared/content/gutenbergToLexical';
import { lexicalToCleanHtml } from '../../../../src/shared/content/lexicalToCleanHtml';
import { lexicalToGutenberg } from '../../../../src/shared/content/lexicalToGutenberg';
import { plainTextOf } from '../../../../src/shared/content/plainTextOf';
import {
  BLOCK_ALIGNS,
  documentOf,
  figureNode,
  headingNode,
  horizontalRuleNode,
  lineBreakNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
  type SerializedBlock,
  type SerializedDocument,
  type SerializedInline,
  type SerializedList,
} from '../../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../../src/shared/model/Article';

const asState = (doc: SerializedDocument) => doc as unknown as LexicalState;
const roundTrip = (doc: SerializedDocument) => gutenbergToLexical(lexicalToGutenberg(asState(doc)));

describe('every node type round-trips through Gutenberg HTML to identical JSON', () => {
  const cases: [string, SerializedBlock[]][] = [
    ['empty paragraph', [paragraphNode([])]],
    ['paragraph with Vietnamese text', [paragraphNode([textNode('Cửa Lò đón 1.200 lượt khách')])]],
    [
      'every text format, alone and combined',
      [
        paragraphNode([
          textNode('đậm', 1),
          textNode(' nghiêng', 2),
          textNode(' gạch', 4),
          textNode(' chân', 8),
          textNode(' tất cả', 15),
          textNode(' thường'),
        ]),
      ],
    ],
    ['line break', [paragraphNode([textNode('dòng 1'), lineBreakNode(), textNode('dòng 2')])]],
    [
      'link with attributes and formatted text',
      [
        paragraphNode([
          textNode('Xem '),
          linkNode('https://nghean.gov.vn/tin?id=1&x=<2>', [textNode('cổng '), textNode('TTĐT', 1)], {
            target: '_blank',
            rel: 'noopener',
            title: 'Cổng "thông tin"',
          }),
        ]),
      ],
    ],
    ['mailto link', [paragraphNode([linkNode('mailto:toasoan@example.vn', [textNode('toà soạn')])])]],
    ['heading h2', [headingNode('h2', [textNode('Tiêu đề phụ')])]],
    ['heading h3', [headingNode('h3', [textNode('Mục')])]],
    ['heading h4', [headingNode('h4', [textNode('Tiểu mục', 2)])]],
    ['quote with line break', [quoteNode([textNode('“Câu nói”'), lineBreakNode(), textNode('— Ông A')])]],
    ['bullet list', [listNode('bullet', [[textNode('một')], [textNode('hai', 1)]])]],
    ['numbered list from 3', [listNode('number', [[textNode('ba')], [textNode('bốn')]], 3)]],
    [
      'nested lists (a list inside an item, and an item that only wraps a list)',
      [
        listNode('number', [
          [listNode('bullet', [[textNode('lồng đầu')]])],
          [textNode('a')],
          [listNode('bullet', [[textNode('b')], [listNode('number', [[textNode('c')]], 2)]])],
          [listNode('bullet', [[textNode('b2')]])],
          [textNode('d')],
        ]),
      ],
    ],
    ['separator', [paragraphNode([textNode('trên')]), horizontalRuleNode(), paragraphNode([textNode('dưới')])]],
    [
      'figure with caption, credit, alt and src',
      [
        figureNode({
          assetId: 'a1b2',
          src: 'https://portal.example.vn/wp-content/uploads/2016/11/anh-1.jpg',
          caption: 'Quang cảnh hội nghị <giao ban> & "tổng kết"',
          alt: 'Hội trường',
          credit: 'Ảnh: Thanh Bình',
        }),
      ],
    ],
    ['figure with credit only', [figureNode({ assetId: 'x', caption: '', alt: '', credit: '— Ảnh: TTXVN' })]],
    [
      'figure whose credit starts with the separator',
      [figureNode({ assetId: 'x', caption: 'Chú thích', alt: '', credit: ' — lạ' })],
    ],
    [
      'photo slot with caption missing and no src',
      [figureNode({ assetId: 'slot-1', caption: '', alt: '', credit: '', captionMissing: true })],
    ],
    [
      'aligned paragraphs and headings',
      [
        paragraphNode([textNode('Trái')], 'left'),
        paragraphNode([textNode('Ảnh: Thanh Bình', 2)], 'center'),
        paragraphNode([], 'right'),
        headingNode('h2', [textNode('Giữa')], 'center'),
        headingNode('h4', [textNode('Phải')], 'right'),
      ],
    ],
    [
      'photo slot that remembers its camera file name',
      [figureNode({ assetId: '', caption: '', alt: '', credit: '', captionMissing: true, sourceName: 'DSC_0012.JPG' })],
    ],
    [
      'text that looks like markup, comments and shortcodes',
      [
        paragraphNode([textNode('<!-- wp:paragraph --> [caption]x[/caption] --> &amp; <script>alert(1)</script>')]),
      ],
    ],
  ];
  for (const [name, blocks] of cases) {
    it(name, () => {
      const doc = documentOf(blocks);
      expect(roundTrip(doc)).toEqual(doc);
    });
  }

  it('writes deterministic Gutenberg markup that WordPress recognises', () => {
    const doc = documentOf([
      headingNode('h3', [textNode('Mục')]),
      figureNode({ assetId: 'a1', src: 'https://x.vn/a.jpg', caption: 'Cảnh', alt: 'Ảnh', credit: 'TB' }),
    ]);
    const html = lexicalToGutenberg(asState(doc), { mediaIdOf: (id) => (id === 'a1' ? 42 : undefined) });
    expect(html).toBe(
      '<!-- wp:heading {"level":3} -->\n<h3>Mục</h3>\n<!-- /wp:heading -->\n\n' +
        '<!-- wp:image {"id":42,"ndAsset":"a1"} -->\n<figure class="wp-block-image"><img src="https://x.vn/a.jpg" alt="Ảnh" class="wp-image-42"/>' +
        '<figcaption class="wp-element-caption">Cảnh<span class="nd-credit"> — TB</span></figcaption></figure>\n<!-- /wp:image -->',
    );
    expect(lexicalToGutenberg(asState(doc))).toBe(lexicalToGutenberg(asState(structuredClone(doc))));
  });

  // The reader goes by the HTML tags, so a wrong block name would still round-trip: pin the markup.
  it('writes quotes, lists (items as wp:list-item blocks) and separators as WordPress core blocks', () => {
    const doc = documentOf([
      quoteNode([textNode('Trích')]),
      listNode('bullet', [[textNode('Một')], [textNode('Hai')]]),
      listNode('number', [[textNode('Ba')]], 3),
      horizontalRuleNode(),
    ]);
    expect(lexicalToGutenberg(asState(doc))).toBe(
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Trích</p></blockquote>\n<!-- /wp:quote -->\n\n' +
        '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Một</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>Hai</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n' +
        '<!-- wp:list {"ordered":true,"start":3} -->\n<ol start="3"><!-- wp:list-item -->\n<li>Ba</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->\n\n' +
        '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->',
    );
  });
});

it('a figure from before sourceName existed reads back without one; the file name rides in the block comment', () => {
  const old = '<!-- wp:image {"ndAsset":"a1","ndCaptionMissing":true} -->\n<figure class="wp-block-image"><img alt=""/></figure>\n<!-- /wp:image -->';
  expect(gutenbergToLexical(old).root.children[0]).toEqual(figureNode({ assetId: 'a1', caption: '', alt: '', credit: '', captionMissing: true }));
  const html = lexicalToGutenberg(asState(documentOf([figureNode({ assetId: 'a1', caption: '', alt: '', credit: '', sourceName: 'img_4426' })])));
  expect(html).toContain('<!-- wp:image {"ndAsset":"a1","ndSource":"img_4426"} -->');
  expect(html).not.toMatch(/<img[^>]*img_4426|<figcaption/);
});

describe('unknown node types from a newer version', () => {
  const mention = { type: 'mention', version: 3, name: 'Ông <A> --> B', children: [], extra: { deep: [1, -2] } };
  const poll = { type: 'poll', version: 1, question: 'Có -- không?', options: ['a', 'b'] };

  it('are preserved at block and inline level', () => {
    const doc = documentOf([
      poll as unknown as SerializedBlock,
      paragraphNode([textNode('Gặp '), mention as unknown as SerializedInline, textNode(' hôm nay')]),
    ]);
    const html = lexicalToGutenberg(asState(doc));
    expect(html).not.toContain('-->B');
    expect(roundTrip(doc)).toEqual(doc);
  });
});

// ---- generated documents ----

const alphabet = fc.constantFrom(
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÔ0123456789 .,;:!?-–—“”"\'<>&/[]=#%()áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ\u00a0'.split(''),
);
const anyText = fc.string({ unit: alphabet, minLength: 1, maxLength: 24 }).map((s) => s.normalize('NFC'));
const format = fc.integer({ min: 0, max: 15 });
const url = fc
  .tuple(fc.constantFrom('https://', 'http://', 'mailto:', '/'), fc.string({ unit: fc.constantFrom(...'abcđ09-_./?=&#<>"'.split('')), maxLength: 20 }))
  .map(([scheme, rest]) => (scheme + 'x' + rest).normalize('NFC'));

/** Runs of text, formats differing between neighbours (Lexical merges equal neighbours). */
const textRun = fc.array(fc.tuple(anyText, format), { minLength: 1, maxLength: 4 }).map((parts) => {
  const out: SerializedInline[] = [];
  for (const [text, f] of parts) {
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.format === f) out[out.length - 1] = textNode(last.text + text, f);
    else out.push(textNode(text, f));
  }
  return out;
});
const inlineContent = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: textRun },
      { weight: 1, arbitrary: fc.constant([lineBreakNode()] as SerializedInline[]) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(url, textRun, fc.option(fc.constant('_blank'), { nil: null }), fc.option(anyText, { nil: null }))
          .map(([href, children, target, title]) => [linkNode(href, children, { target, title })] as SerializedInline[]),
      },
    ),
    { maxLength: 4 },
  )
  .map((groups) => {
    // Neighbouring text groups could now hold equal formats side by side: merge them as Lexical would.
    const out: SerializedInline[] = [];
    for (const node of groups.flat()) {
      const last = out[out.length - 1];
      if (node.type === 'text' && last?.type === 'text' && last.format === node.format) {
        out[out.length - 1] = textNode(last.text + node.text, node.format);
      } else out.push(node);
    }
    return out;
  });

/** Mostly unaligned, as real articles are. */
const align = fc.oneof({ weight: 3, arbitrary: fc.constant('' as const) }, { weight: 2, arbitrary: fc.constantFrom(...BLOCK_ALIGNS) });

const list: fc.Memo<SerializedList> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom('bullet' as const, 'number' as const),
      fc.integer({ min: 1, max: 20 }),
      fc.array(
        depth > 1
          ? fc.oneof({ weight: 3, arbitrary: inlineContent }, { weight: 1, arbitrary: list(depth - 1).map((l) => [l]) })
          : inlineContent,
        { minLength: 1, maxLength: 4 },
      ),
    )
    .map(([type, start, items]) => listNode(type, items, type === 'number' ? start : 1)),
);

const block: fc.Arbitrary<SerializedBlock> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(inlineContent, align).map(([c, a]) => paragraphNode(c, a)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('h2' as const, 'h3' as const, 'h4' as const), inlineContent, align)
      .map(([tag, c, a]) => headingNode(tag, c, a)),
  },
  { weight: 1, arbitrary: inlineContent.map(quoteNode) },
  { weight: 2, arbitrary: list(3) },
  { weight: 1, arbitrary: fc.constant(horizontalRuleNode()) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        assetId: fc.stringMatching(/^[a-z0-9-]{0,12}$/),
        src: fc.option(url.map((u) => (u.startsWith('mailto:') ? 'https://a.vn/' + u.slice(7) : u)), { nil: undefined }),
        caption: fc.option(anyText, { nil: '' }),
        alt: fc.option(anyText, { nil: '' }),
        credit: fc.option(anyText, { nil: '' }),
        captionMissing: fc.boolean(),
        sourceName: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}(\.jpg)?$/), anyText), { nil: undefined }),
      })
      .map((f) => figureNode(f)),
  },
);

it('≥ 200 generated documents round-trip through clean HTML with the same blocks, text and alignment', () => {
  // Clean HTML has no block comments: asset ids, credits' span and foreign nodes do not survive it
  // (by design); what it must carry is every block, its text and formats, links and alignment.
  const shapeOf = (doc: unknown) =>
    (doc as SerializedDocument).root.children
      .filter((b) => b.type !== 'figure')
      .map((b) => ({ type: b.type, format: 'format' in b ? b.format : undefined, text: plainTextOf({ root: { type: 'root', children: [b] } } as never) }));
  let runs = 0;
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
      runs += 1;
      const doc = documentOf(blocks);
      const back = gutenbergToLexical(lexicalToCleanHtml(asState(doc)));
      const expected = shapeOf(doc).filter((b) => b.type !== 'paragraph' || b.text.trim() !== '');
      expect(shapeOf(back).filter((b) => b.type !== 'paragraph' || b.text.trim() !== '')).toEqual(expected);
    }),
    { numRuns: 300 },
  );
  expect(runs).toBeGreaterThanOrEqual(200);
});

it('alignment is written as WordPress writes it, and read back from Gutenberg, classic style and align attributes', () => {
  const doc = documentOf([paragraphNode([textNode('Ảnh: TB')], 'center'), headingNode('h3', [textNode('Mục')], 'right'), headingNode('h2', [textNode('A')], 'center')]);
  expect(lexicalToGutenberg(asState(doc))).toBe(
    '<!-- wp:paragraph {"align":"center"} -->\n<p class="has-text-align-center">Ảnh: TB</p>\n<!-- /wp:paragraph -->\n\n' +
      '<!-- wp:heading {"textAlign":"right","level":3} -->\n<h3 class="has-text-align-right">Mục</h3>\n<!-- /wp:heading -->\n\n' +
      '<!-- wp:heading {"textAlign":"center"} -->\n<h2 class="has-text-align-center">A</h2>\n<!-- /wp:heading -->',
  );
  expect(lexicalToCleanHtml(asState(doc))).toBe(
    '<p style="text-align:center">Ảnh: TB</p>\n<h3 style="text-align:right">Mục</h3>\n<h2 style="text-align:center">A</h2>',
  );
  expect(gutenbergToLexical(lexicalToCleanHtml(asState(doc)))).toEqual(doc);
  const classic = gutenbergToLexical('<p style="text-align: center;">Giữa</p>\n\n<h2 align="RIGHT">Phải</h2>\n\n<p style="text-align: justify;">Đều</p>');
  expect(classic).toEqual(
    documentOf([paragraphNode([textNode('Giữa')], 'center'), headingNode('h2', [textNode('Phải')], 'right'), paragraphNode([textNode('Đều')])]),
  );
});

it('≥ 200 generated documents round-trip through Gutenberg HTML to identical JSON', () => {
  let runs = 0;
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
      runs += 1;
      const doc = documentOf(blocks);
      expect(roundTrip(doc)).toEqual(doc);
    }),
    { numRuns: 300 },
  );
  expect(runs).toBeGreaterThanOrEqual(200);
});
