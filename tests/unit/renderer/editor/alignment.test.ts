// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { $generateNodesFromDOM } from '@lexical/html';
import { LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, FORMAT_ELEMENT_COMMAND, type ElementFormatType } from 'lexical';
import { expect, it } from 'vitest';
import { registerAlignment } from '../../../../src/renderer/editor/plugins/AlignPlugin/registerAlignment';
import { $nodesFromPastedBody } from '../../../../src/renderer/editor/paste/nodesFromPastedBody';
import { sanitizePastedHtml } from '../../../../src/renderer/editor/paste/sanitizePastedHtml';

const NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode];
const newEditor = () =>
  headlessEditor(NODES);

/** paragraph · heading · quote · list, the whole document selected. */
function editorWithEveryBlock(withAlignment: boolean) {
  const editor = newEditor();
  registerRichText(editor);
  if (withAlignment) registerAlignment(editor);
  editor.update(
    () => {
      const item = $createListItemNode().append($createTextNode('mục'));
      $getRoot().append(
        $createParagraphNode().append($createTextNode('đoạn')),
        $createHeadingNode('h2').append($createTextNode('tiêu đề')),
        $createQuoteNode().append($createTextNode('trích')),
        $createListNode('bullet').append(item),
      );
      $getRoot().select(0, $getRoot().getChildrenSize());
    },
    { discrete: true },
  );
  return editor;
}

const formats = (editor: ReturnType<typeof newEditor>) =>
  editor.getEditorState().read(() => $getRoot().getChildren().map((block) => ('getFormatType' in block ? (block as unknown as { getFormatType(): string }).getFormatType() : '-')));
const align = (editor: ReturnType<typeof newEditor>, format: ElementFormatType) =>
  editor.update(() => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, format), { discrete: true });

it('without the plugin Lexical would align quotes and list items too, which the portal cannot carry (what this guards)', () => {
  const editor = editorWithEveryBlock(false);
  align(editor, 'center');
  const listItemFormat = editor.getEditorState().read(() => ($getRoot().getLastChildOrThrow() as ListNode).getFirstChildOrThrow<ListItemNode>().getFormatType());
  expect([...formats(editor), listItemFormat]).toEqual(['center', 'center', 'center', 'center', 'center']);
});

it('aligns only paragraphs and headings; left is the default; justify, start and end are refused', () => {
  const editor = editorWithEveryBlock(true);
  align(editor, 'center');
  expect(formats(editor)).toEqual(['center', 'center', '', '']);
  align(editor, 'justify');
  align(editor, 'end');
  expect(formats(editor)).toEqual(['center', 'center', '', '']);
  align(editor, 'right');
  expect(formats(editor)).toEqual(['right', 'right', '', '']);
  align(editor, 'left');
  expect(formats(editor)).toEqual(['', '', '', '']);
});

it('pasted alignment never enters the document: the sanitiser drops it before Lexical reads it', () => {
  const html = '<p style="text-align:center">Giữa</p><h2 style="text-align: right" align="right">Phải</h2><p class="has-text-align-center">Lớp</p>';
  const editor = newEditor();
  // Lexical's own DOM import would keep the style's alignment: the guard is the sanitiser.
  editor.update(
    () => {
      const raw = new DOMParser().parseFromString(html, 'text/html');
      $getRoot().clear().append(...$generateNodesFromDOM(editor, raw));
    },
    { discrete: true },
  );
  expect(formats(editor)).toContain('center');
  editor.update(() => $getRoot().clear().append(...$nodesFromPastedBody(editor, sanitizePastedHtml(html).body)), { discrete: true });
  expect(formats(editor)).toEqual(['', '', '']);
});
