import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $isElementNode,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';

/**
 * Puts the caret where something was dropped (the browser's caret at that point), so a drop lands
 * where the writer let go, not where the caret last was. Leaves the selection alone when the point
 * is outside the body or resolves to nothing. Must run inside an editor update.
 */
export function $selectAtPoint(editor: LexicalEditor, x: number, y: number): void {
  const root = editor.getRootElement();
  const range = root?.ownerDocument.caretRangeFromPoint?.(x, y);
  if (!root || !range || !root.contains(range.startContainer)) return;
  const node = $getNearestNodeFromDOMNode(range.startContainer);
  if (!node) return;
  if ($isRootNode(node)) {
    // Between blocks (the body's padding, a gap): the end of the nearest block.
    const size = node.getChildrenSize();
    node.getChildAtIndex(Math.min(range.startOffset, size - 1))?.selectEnd();
    return;
  }
  const selection = $createRangeSelection();
  if ($isTextNode(node)) {
    const offset = Math.min(range.startOffset, node.getTextContentSize());
    selection.anchor.set(node.getKey(), offset, 'text');
    selection.focus.set(node.getKey(), offset, 'text');
  } else if ($isElementNode(node)) {
    const offset = Math.min(range.startOffset, node.getChildrenSize());
    selection.anchor.set(node.getKey(), offset, 'element');
    selection.focus.set(node.getKey(), offset, 'element');
  } else {
    // A photo or a separator: just after it.
    const parent = node.getParent();
    if (!parent) return;
    selection.anchor.set(parent.getKey(), node.getIndexWithinParent() + 1, 'element');
    selection.focus.set(parent.getKey(), node.getIndexWithinParent() + 1, 'element');
  }
  $setSelection(selection);
}
