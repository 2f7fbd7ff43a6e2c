import { headlessEditor } from '../../headlessEditor';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { expect, it } from 'vitest';
import {
  documentOf,
  headingNode,
  lineBreakNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
} from '../../../../src/shared/content/serializedNodes';

it('the builders write exactly what Lexical 0.52 exports, so converted documents load and compare equal', () => {
  const editor = headlessEditor([HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode]);
  editor.update(
    () => {
      const p = $createParagraphNode();
      const link = $createLinkNode('https://a.vn');
      link.append($createTextNode('liên kết'));
      p.append($createTextNode('Đậm').toggleFormat('bold'), $createLineBreakNode(), link);
      const heading = $createHeadingNode('h3');
      heading.append($createTextNode('Mục'));
      const quote = $createQuoteNode();
      quote.append($createTextNode('Trích'));
      const list = $createListNode('number', 3);
      const a = $createListItemNode();
      a.append($createTextNode('a'));
      const wrapper = $createListItemNode();
      const inner = $createListNode('bullet');
      const b = $createListItemNode();
      b.append($createTextNode('b'));
      inner.append(b);
      wrapper.append(inner);
      const c = $createListItemNode();
      c.append($createTextNode('c'));
      list.append(a, wrapper, c);
      const centred = $createParagraphNode().setFormat('center');
      centred.append($createTextNode('Giữa'));
      const rightHeading = $createHeadingNode('h2').setFormat('right');
      $getRoot().append(p, heading, quote, list, $createParagraphNode(), centred, rightHeading);
    },
    { discrete: true },
  );
  const expected = documentOf([
    paragraphNode([textNode('Đậm', 1), lineBreakNode(), linkNode('https://a.vn', [textNode('liên kết')])]),
    headingNode('h3', [textNode('Mục')]),
    quoteNode([textNode('Trích')]),
    listNode('number', [[textNode('a')], [listNode('bullet', [[textNode('b')]])], [textNode('c')]], 3),
    paragraphNode([]),
    paragraphNode([textNode('Giữa')], 'center'),
    headingNode('h2', [], 'right'),
  ]);
  expect(editor.getEditorState().toJSON()).toEqual(expected);
});
