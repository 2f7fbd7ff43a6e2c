// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { $getRoot } from 'lexical';
import { expect, it } from 'vitest';
import { $isFigureNode, FigureNode } from '../../../../src/renderer/editor/nodes/FigureNode/FigureNode';
import { documentOf, figureNode, paragraphNode, textNode } from '../../../../src/shared/content/serializedNodes';

const editorWithFigures = () =>
  headlessEditor([FigureNode]);

const loadAndSave = (doc: object) => {
  const editor = editorWithFigures();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  return { editor, saved: editor.getEditorState().toJSON() };
};

it('a figure written before sourceName existed loads and saves back byte for byte, with no sourceName', () => {
  // The shape stored by earlier versions, spelled out rather than built, so the builder cannot hide a change.
  const old = documentOf([
    { type: 'figure', version: 1, assetId: '', caption: '', alt: '', credit: '', captionMissing: true },
    paragraphNode([textNode('Đoạn')]),
  ]);
  const { saved } = loadAndSave(old);
  expect(saved).toEqual(old);
  // The figure itself byte for byte (Lexical orders the keys of its own nodes differently).
  expect(JSON.stringify(saved.root.children[0])).toBe(JSON.stringify(old.root.children[0]));
  expect(JSON.stringify(saved)).not.toContain('sourceName');
});

it('keeps the camera file name through load, edits of the caption, and save; the caption stays the caption', () => {
  const doc = documentOf([figureNode({ assetId: '', caption: '', alt: '', credit: '', captionMissing: true, sourceName: 'img_4426' })]);
  const { editor, saved } = loadAndSave(doc);
  expect(saved).toEqual(doc);
  editor.update(
    () => {
      const figure = $getRoot().getFirstChild();
      if (!$isFigureNode(figure)) throw new Error('no figure');
      figure.setCaption('Các gian hàng OCOP');
    },
    { discrete: true },
  );
  const [figure] = (editor.getEditorState().toJSON().root.children as unknown as Record<string, unknown>[]);
  expect(figure).toMatchObject({ caption: 'Các gian hàng OCOP', sourceName: 'img_4426' });
  expect(figure!.captionMissing).toBeUndefined();
});
