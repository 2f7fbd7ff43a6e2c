// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { expect, it } from 'vitest';
import { UnknownNode } from '../../../../src/renderer/editor/nodes/UnknownNode/UnknownNode';
import { unwrapUnknownNodes, wrapUnknownNodes } from '../../../../src/renderer/editor/nodes/UnknownNode/wrapUnknownNodes';
import { documentOf, paragraphNode, textNode } from '../../../../src/shared/content/serializedNodes';
import type { LexicalState } from '../../../../src/shared/model/Article';

const NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];
const poll = { type: 'poll', version: 2, question: 'Bạn chọn?', children: [{ type: 'text', text: 'A' }] };
const mention = { type: 'mention', version: 1, text: '@Thanh Bình', id: 7 };
const stored = documentOf([
  paragraphNode([textNode('Trước')]),
  poll as never,
  paragraphNode([textNode('Gặp '), mention as never, textNode(' sau')]),
]) as unknown as LexicalState;

const editorWith = (nodes: typeof NODES | [...typeof NODES, typeof UnknownNode]) =>
  headlessEditor(nodes);

it('without the wrapper, a stored state with a newer node type cannot be loaded (what this guards)', () => {
  const editor = editorWith(NODES);
  expect(() => editor.parseEditorState(JSON.stringify(stored))).toThrow();
});

it('a stored state with unknown block and inline nodes loads, shows their text, and saves back unchanged', () => {
  const editor = editorWith([...NODES, UnknownNode]);
  editor.setEditorState(editor.parseEditorState(JSON.stringify(wrapUnknownNodes(stored, [...NODES, UnknownNode]))));
  expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('@Thanh Bình');
  // The writer edits around it; the unknown nodes come back verbatim.
  editor.update(() => $getRoot().getFirstChildOrThrow().selectEnd().insertText(' nữa'), { discrete: true });
  const saved = unwrapUnknownNodes(editor.getEditorState().toJSON() as unknown as LexicalState);
  expect(saved.root.children[1]).toEqual(poll);
  expect((saved.root.children[2] as { children: unknown[] }).children[1]).toEqual(mention);
  expect(JSON.stringify(saved)).toContain('Trước nữa');
});
