// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, IS_BOLD, type TextNode } from 'lexical';
import { expect, it } from 'vitest';
import { $isPlainTyping } from '../../../../src/renderer/editor/plugins/ControlledTypingPlugin';

/** What Chromium's beforeinput carries for a typed letter. */
const typed = (data: string, extra: Partial<InputEvent> & { range?: { collapsed: boolean } } = {}) =>
  ({
    inputType: 'insertText',
    data,
    isComposing: false,
    getTargetRanges: () => (extra.range ? [extra.range] : []),
    ...extra,
  }) as unknown as InputEvent;

/** A paragraph "Tin Nghệ An " + link "Cửa Lò" + " hôm nay"; the caret placed by `place`. */
const check = (event: InputEvent, place: (nodes: { plain: TextNode; link: TextNode; after: TextNode }) => [TextNode, number], format = 0) => {
  const editor = headlessEditor([LinkNode]);
  let answer = false;
  editor.update(
    () => {
      const plain = $createTextNode('Tin Nghệ An ');
      const link = $createTextNode('Cửa Lò');
      const after = $createTextNode(' hôm nay');
      $getRoot().append($createParagraphNode().append(plain, $createLinkNode('https://example.org').append(link), after));
      const [node, offset] = place({ plain, link, after });
      const selection = $createRangeSelection();
      selection.anchor.set(node.getKey(), offset, 'text');
      selection.focus.set(node.getKey(), offset, 'text');
      selection.format = format || node.getFormat();
      $setSelection(selection);
      answer = $isPlainTyping(editor, event);
    },
    { discrete: true },
  );
  return answer;
};

it('takes a letter, a space or a syllable typed inside text or at the end of a paragraph’s text', () => {
  expect(check(typed('a'), ({ plain }) => [plain, 4])).toBe(true);
  expect(check(typed(' '), ({ after }) => [after, 4])).toBe(true);
  expect(check(typed('ệ'), ({ after }) => [after, after.getTextContentSize()])).toBe(true);
  // Inside a link's text, away from its edges.
  expect(check(typed('x'), ({ link }) => [link, 3])).toBe(true);
});

it('leaves to Lexical: line breaks, composition, a range typed over, a pending format, edges', () => {
  expect(check(typed('\n'), ({ plain }) => [plain, 4])).toBe(false);
  expect(check(typed(''), ({ plain }) => [plain, 4])).toBe(false);
  expect(check(typed('a', { isComposing: true }), ({ plain }) => [plain, 4])).toBe(false);
  expect(check(typed('a', { inputType: 'insertReplacementText' }), ({ plain }) => [plain, 4])).toBe(false);
  expect(check(typed('a', { range: { collapsed: false } }), ({ plain }) => [plain, 4])).toBe(false);
  // Ctrl+B with the caret in plain text, then a letter: Lexical starts a bold text node.
  expect(check(typed('a'), ({ plain }) => [plain, 4], IS_BOLD)).toBe(false);
  // The start of a text node: the letter may belong to the node before.
  expect(check(typed('a'), ({ after }) => [after, 0])).toBe(false);
  // The end of a link's text: Lexical decides whether the link grows.
  expect(check(typed('a'), ({ link }) => [link, link.getTextContentSize()])).toBe(false);
});
