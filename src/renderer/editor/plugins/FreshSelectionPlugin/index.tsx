import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createRangeSelectionFromDom,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_BEFORE_NORMAL,
  getDOMSelection,
  isSelectionWithinEditor,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import { useEffect } from 'react';

/**
 * Keys act on the selection the writer sees. On a key press Lexical reuses its last selection
 * rather than read the DOM, and Chromium may deliver the key before the 'selectionchange' of the
 * key just before it (input outranks ordinary tasks). Seen in the e2e tests, a few runs in twenty:
 * End then Enter at once split the paragraph where the caret had been; Shift+Home then Ctrl+B
 * bolded nothing; ArrowLeft into a bold word then a letter typed it plain (beforeinput reads the
 * DOM caret but keeps the old caret's format). So before any handler sees a key, the DOM
 * selection is taken if it differs from Lexical's, with the format of the text the caret is in.
 */
export default function FreshSelectionPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!MODIFIER_KEYS.has(event.key)) $takeDomSelection(editor);
          return false;
        },
        // The front of the normal queue, not a level of its own: Lexical runs one update per
        // priority level that has key listeners, and this runs on every key. No key listener sits
        // above normal (ours are normal, Lexical's are editor), so it still runs before them all.
        COMMAND_PRIORITY_BEFORE_NORMAL,
      ),
    [editor],
  );
  return null;
}

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'CapsLock']);

/** An unchanged caret keeps its pending formats (Ctrl+B then Ctrl+I before typing). */
function $takeDomSelection(editor: LexicalEditor): void {
  const current = $getSelection();
  if (current !== null && !$isRangeSelection(current)) return;
  const dom = getDOMSelection(editor._window);
  if (dom === null || !isSelectionWithinEditor(editor, dom.anchorNode, dom.focusNode)) return;
  // The common case, every letter typed: the DOM caret is where Lexical's is. Checked without
  // building a selection, since this runs on every key (the keystroke bench shows no change).
  if (current !== null && current.isCollapsed() && dom.isCollapsed && current.anchor.type === 'text') {
    const node = dom.anchorNode === null ? null : $getNearestNodeFromDOMNode(dom.anchorNode);
    if (node !== null && node.getKey() === current.anchor.key && dom.anchorOffset === current.anchor.offset) return;
  }
  const fresh = $createRangeSelectionFromDom(dom, editor);
  if (fresh === null || (current !== null && samePoints(current, fresh))) return;
  if (fresh.isCollapsed() && fresh.anchor.type === 'text') {
    const node = fresh.anchor.getNode();
    fresh.format = node.getFormat();
    fresh.style = node.getStyle();
  }
  $setSelection(fresh);
}

function samePoints(a: RangeSelection, b: RangeSelection): boolean {
  return a.anchor.is(b.anchor) && a.focus.is(b.focus);
}
