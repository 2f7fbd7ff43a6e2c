// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type TextNode } from 'lexical';
import { expect, it } from 'vitest';
import { $caretNearBlockStart, SHORTCUT_REACH } from '../../../../src/renderer/editor/plugins/MarkdownPlugin';

/** A paragraph "Cửa Lò " + "hôm nay" (two text nodes), an empty paragraph, a list item "Nghệ An". */
const near = (place: (nodes: { first: TextNode; second: TextNode; empty: ElementNode; item: TextNode }) => void) => {
  const editor = headlessEditor([ListNode, ListItemNode]);
  let answer = false;
  editor.update(
    () => {
      const first = $createTextNode('Cửa Lò rực rỡ sắc màu lễ hội ');
      const second = $createTextNode('hôm nay').toggleFormat('bold');
      const empty = $createParagraphNode();
      const item = $createTextNode('Nghệ An');
      $getRoot().append($createParagraphNode().append(first, second), empty, $createListNode('bullet').append($createListItemNode().append(item)));
      place({ first, second, empty, item });
      answer = $caretNearBlockStart();
    },
    { discrete: true },
  );
  return answer;
};

it('is near at the start of a top-level block’s first text and in an empty block', () => {
  expect(near(({ first }) => first.select(0, 0))).toBe(true);
  expect(near(({ first }) => first.select(SHORTCUT_REACH, SHORTCUT_REACH))).toBe(true);
  expect(near(({ empty }) => empty.select(0, 0))).toBe(true);
});

it('is not near further into the text, in a later text node, in a list item, or over a range', () => {
  expect(near(({ first }) => first.select(SHORTCUT_REACH + 1, SHORTCUT_REACH + 1))).toBe(false);
  expect(near(({ second }) => second.select(1, 1))).toBe(false);
  expect(near(({ item }) => item.select(0, 0))).toBe(false);
  expect(near(({ first }) => first.select(0, 3))).toBe(false);
});
