// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { expect, it } from 'vitest';
import {
  copyOnWriteMapClass,
  registerCopyOnWriteNodeMap,
} from '../../../../src/renderer/editor/plugins/CopyOnWriteNodeMapPlugin/registerCopyOnWriteNodeMap';

const nodeMapOf = (editor: LexicalEditor) => (editor.getEditorState() as unknown as { _nodeMap: Map<string, unknown> })._nodeMap;

const editorWith = (paragraphs: number) => {
  const editor = headlessEditor();
  editor.update(
    () => {
      for (let i = 0; i < paragraphs; i += 1) $getRoot().append($createParagraphNode().append($createTextNode(`Đoạn ${i}`)));
    },
    { discrete: true },
  );
  return editor;
};

/** The same edits, in an editor with and one without the copy-on-write map. */
const edit = (editor: LexicalEditor, step: number) =>
  editor.update(
    () => {
      const paragraphs = $getRoot().getChildren();
      const target = paragraphs[(step * 7) % paragraphs.length]!;
      if (step % 5 === 4) target.remove();
      else if (step % 5 === 3) target.insertAfter($createParagraphNode().append($createTextNode(`Mới ${step}`)));
      else {
        const text = $isElementNode(target) ? target.getFirstDescendant() : null;
        if ($isTextNode(text)) text.setTextContent(`${text.getTextContent()} ${step}`);
      }
    },
    { discrete: true },
  );

it('finds Lexical 0.52 copy-on-write map; an upgrade that moves it fails here, not silently', () => {
  expect(copyOnWriteMapClass(editorWith(1))).not.toBeNull();
});

it('makes the node map copy-on-write, keeps it so through edits, and after a plain state is set', () => {
  const editor = editorWith(50);
  const CopyOnWrite = copyOnWriteMapClass(editor)!;
  expect(nodeMapOf(editor)).not.toBeInstanceOf(CopyOnWrite);
  const unregister = registerCopyOnWriteNodeMap(editor);
  expect(nodeMapOf(editor)).toBeInstanceOf(CopyOnWrite);
  edit(editor, 1);
  expect(nodeMapOf(editor)).toBeInstanceOf(CopyOnWrite);
  // Loading (and undo, redo) install a state with a plain map: converted at the next commit.
  editor.setEditorState(editor.parseEditorState(JSON.stringify(editorWith(3).getEditorState().toJSON())));
  edit(editor, 2);
  expect(nodeMapOf(editor)).toBeInstanceOf(CopyOnWrite);
  unregister();
});

it('edits give the same document with and without it, and earlier states keep their content', () => {
  const plain = editorWith(40);
  const shared = editorWith(40);
  registerCopyOnWriteNodeMap(shared);
  const early = shared.getEditorState();
  const earlyJson = JSON.stringify(early.toJSON());
  for (let step = 0; step < 200; step += 1) {
    edit(plain, step);
    edit(shared, step);
  }
  expect(shared.getEditorState().toJSON()).toEqual(plain.getEditorState().toJSON());
  expect(nodeMapOf(shared).size).toBe(nodeMapOf(plain).size);
  // A state history holds on to is not changed by later edits.
  expect(JSON.stringify(early.toJSON())).toBe(earlyJson);
});
