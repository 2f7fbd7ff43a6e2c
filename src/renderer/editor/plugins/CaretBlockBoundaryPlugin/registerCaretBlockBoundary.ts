import { $getSelection, $isRangeSelection, type EditorState, type LexicalEditor } from 'lexical';

/** The inline properties this module sets on a block, and removes again. */
const PROPERTIES = ['contain', 'box-sizing', 'height'] as const;

interface Bound {
  element: HTMLElement;
  height: string;
  lines: number;
}

/**
 * Typing re-lays out the block being typed in, not the article. A letter changes one paragraph,
 * yet Chromium lays out from the paragraph up to the document: the body with its 240 blocks (each
 * one checked for a cached result), then every box of the page around it. In the 10,000-word bench
 * article that was half of all layout time per key (0.93 ms traced against 0.47 with the block
 * bounded; the bare contenteditable floor takes 0.43). A box with size and layout containment is
 * a relayout boundary: layout inside it stops there. So the top-level block holding the caret gets
 * `contain: size` (its `content-visibility: auto` already brings layout containment) and its own
 * current height, fixed.
 *
 * A fixed height is only right while the block keeps its number of lines. After every update the
 * lines are counted (the client rectangles of its contents, a read of a layout Lexical has just
 * done to place the caret); when the count changes, the block is released for one update and lays
 * out freely, and the next update bounds it again at its new height. The block is released as
 * well when the caret leaves it or the editor loses focus, when the editor changes width (window,
 * focus mode) and when fonts finish loading. Nothing else reads these inline styles: Lexical
 * exports and copies from its nodes, not from the live DOM, and does not observe attributes.
 */
export function registerCaretBlockBoundary(editor: LexicalEditor): () => void {
  let bound: Bound | null = null;
  const range = document.createRange();

  const release = () => {
    if (bound === null) return;
    for (const property of PROPERTIES) bound.element.style.removeProperty(property);
    bound = null;
  };

  const lineCount = (element: HTMLElement): number => {
    range.selectNodeContents(element);
    const tops = new Set<number>();
    for (const rect of range.getClientRects()) if (rect.height > 0) tops.add(Math.round(rect.top));
    return tops.size;
  };

  const follow = (editorState: EditorState) => {
    const root = editor.getRootElement();
    const element = root !== null && root.ownerDocument.activeElement === root ? caretBlock(editor, editorState) : null;
    if (element === null || !element.isConnected) {
      release();
      return;
    }
    if (bound !== null && bound.element === element) {
      // Lexical may rewrite a block's style (alignment, indent): a lost height is bounded anew.
      if (element.style.height !== bound.height || lineCount(element) !== bound.lines) release();
      return;
    }
    // Measured before any style changes: right after Lexical placed the caret, this layout is clean.
    const lines = lineCount(element);
    const height = element.getBoundingClientRect().height;
    release();
    if (height === 0) return;
    const value = `${height}px`;
    element.style.setProperty('contain', 'size');
    element.style.setProperty('box-sizing', 'border-box');
    element.style.setProperty('height', value);
    bound = { element, height: element.style.height, lines };
  };

  const stopUpdates = editor.registerUpdateListener(({ editorState }) => follow(editorState));
  let width = -1;
  const resizes = new ResizeObserver((entries) => {
    const next = entries[entries.length - 1]?.contentRect.width ?? width;
    if (next !== width) release();
    width = next;
  });
  const stopRoot = editor.registerRootListener((root, previous) => {
    release();
    if (previous !== null) resizes.unobserve(previous);
    if (root !== null) resizes.observe(root);
  });
  const fonts = document.fonts;
  fonts.addEventListener('loadingdone', release);
  return () => {
    stopUpdates();
    stopRoot();
    resizes.disconnect();
    fonts.removeEventListener('loadingdone', release);
    release();
  };
}

/** The DOM element of the top-level block holding a collapsed caret, or null. */
function caretBlock(editor: LexicalEditor, editorState: EditorState): HTMLElement | null {
  const key = editorState.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
    return selection.anchor.getNode().getTopLevelElement()?.getKey() ?? null;
  });
  return key === null ? null : editor.getElementByKey(key);
}
