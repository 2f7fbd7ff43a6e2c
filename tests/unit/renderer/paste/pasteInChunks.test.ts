// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { expect, it } from 'vitest';
import { isPhotoFile } from '../../../../src/renderer/editor/media/isPhotoFile';
import { pasteInChunks } from '../../../../src/renderer/editor/plugins/PastePlugin/pasteInChunks';
import { lexicalToCleanHtml } from '../../../../src/shared/content/lexicalToCleanHtml';
import type { LexicalState } from '../../../../src/shared/model/Article';

/** An editor holding "Trước" and an empty paragraph with the caret in it, as a writer leaves the body. */
function editorWithCaret() {
  const editor = headlessEditor([HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode]);
  registerRichText(editor);
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Trước')), $createParagraphNode()).selectEnd(), {
    discrete: true,
  });
  return editor;
}
const json = (editor: ReturnType<typeof editorWithCaret>) => editor.getEditorState().toJSON() as unknown as LexicalState;

/** What a web page dragged into the body carries: active content and styles beside real structure. */
export const HOSTILE_DROP = [
  '<meta charset="utf-8"><style>p{color:red}</style><script>alert(1)</script>',
  '<h2 style="color:red;font-family:Comic Sans MS">Tiêu đề ',
  'Nghệ An'.normalize('NFD'),
  '</h2><p onclick="alert(2)" style="font-size:40px">Đoạn có <b>chữ đậm</b> và ',
  '<a href="https://nghean.gov.vn/tin" onmouseover="alert(3)">liên kết</a> và <a href="javascript:alert(4)">độc</a>.</p>',
  '<img src="x" onerror="alert(5)"><iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(6)</script><a xlink:href="javascript:alert(7)"><text>svg</text></a></svg>',
  '<ul><li>Một</li><li style="background:url(javascript:alert(8))">Hai</li></ul>',
].join('');

it('hostile dropped or pasted HTML is neutralised, keeps its structure and arrives in NFC', async () => {
  const editor = editorWithCaret();
  const outcome = await pasteInChunks(editor, { html: HOSTILE_DROP, text: 'x' }, () => {});
  const state = json(editor);
  expect(lexicalToCleanHtml(state)).toBe(
    '<p>Trước</p>\n<h2>Tiêu đề Nghệ An</h2>\n<p>Đoạn có <strong>chữ đậm</strong> và <a href="https://nghean.gov.vn/tin">liên kết</a> và độc.</p>\n<ul><li>Một</li><li>Hai</li></ul>',
  );
  const stored = JSON.stringify(state);
  expect(stored).toBe(stored.normalize('NFC'));
  expect(stored).not.toMatch(/alert|javascript:|onerror|onclick|onmouseover|iframe|svg|color:|font-|"style":"[^"]/i);
  expect(outcome.droppedImages).toBe(1);
});

it('plain text is NFC-normalised: one line joins the caret’s paragraph, several become paragraphs', async () => {
  const editor = editorWithCaret();
  await pasteInChunks(editor, { html: '', text: ' Cửa Lò'.normalize('NFD') }, () => {});
  expect(lexicalToCleanHtml(json(editor))).toBe('<p>Trước</p>\n<p> Cửa Lò</p>');
  await pasteInChunks(editor, { html: '', text: 'Dòng một\r\nDòng hai Nghệ An'.normalize('NFD') }, () => {});
  const html = lexicalToCleanHtml(json(editor));
  expect(html).toBe('<p>Trước</p>\n<p> Cửa LòDòng một</p>\n<p>Dòng hai Nghệ An</p>');
  expect(html).toBe(html.normalize('NFC'));
});

it('a large drop arrives in slices, in order, nothing lost, every slice sanitised', async () => {
  const editor = editorWithCaret();
  // Just over the slicing threshold (150,000 characters), in few elements: jsdom is slow per element.
  const parts = Array.from({ length: 400 }, (_, i) => `<p onclick="alert(${i})">Đoạn ${i} <script>alert(${i})</script>${'chữ '.repeat(100)}</p>`);
  const progress: number[] = [];
  await pasteInChunks(editor, { html: parts.join(''), text: 'x' }, ({ done, total }) => progress.push(done / total));
  const texts = editor.getEditorState().read(() => $getRoot().getChildren().map((block) => block.getTextContent()));
  expect(texts[0]).toBe('Trước');
  expect(texts.filter((text) => text !== '').slice(1).map((text) => Number(/^Đoạn (\d+)/.exec(text)?.[1]))).toEqual(parts.map((_, i) => i));
  expect(JSON.stringify(json(editor))).not.toMatch(/alert|onclick/);
  expect(progress.at(-1)).toBe(1);
});

it('after a large paste into the middle of an article the caret is where the pasted text ends, not at the article’s end', async () => {
  const editor = headlessEditor([HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode]);
  registerRichText(editor);
  editor.update(
    () => {
      const before = $createParagraphNode().append($createTextNode('Trước'));
      $getRoot().append(before, $createParagraphNode().append($createTextNode('Sau')));
      before.selectEnd();
    },
    { discrete: true },
  );
  const parts = Array.from({ length: 400 }, (_, i) => `<p>Đoạn ${i} ${'chữ '.repeat(100)}</p>`);
  await pasteInChunks(editor, { html: parts.join(''), text: 'x' }, () => {});
  editor.update(
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText('XONG');
    },
    { discrete: true },
  );
  const texts = editor.getEditorState().read(() => $getRoot().getChildren().map((block) => block.getTextContent()));
  expect(texts[0]).toBe('Trước');
  expect(texts.at(-1)).toBe('Sau');
  expect(texts.at(-2)).toMatch(/^Đoạn 399 .*XONG$/);
});

it('only JPEG, PNG, WebP and GIF count as photos (by type, or by name when there is no type)', () => {
  expect(isPhotoFile({ type: 'image/jpeg', name: 'IMG_4426.JPG' })).toBe(true);
  expect(isPhotoFile({ type: '', name: 'DSC_0012.webp' })).toBe(true);
  expect(isPhotoFile({ type: 'application/pdf', name: 'cong-van.pdf' })).toBe(false);
  expect(isPhotoFile({ type: 'image/svg+xml', name: 'logo.svg' })).toBe(false);
  expect(isPhotoFile({ type: '', name: 'ghi-chu.txt' })).toBe(false);
});
