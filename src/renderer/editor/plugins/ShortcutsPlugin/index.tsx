import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  getDOMSelection,
  isSelectionWithinEditor,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import { useEffect } from 'react';

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Shift', 'Alt']);

/**
 * Shortcuts Lexical does not bind itself. Lexical already binds Ctrl/Cmd+B, I, U, Z, Shift+Z and
 * Ctrl+Y; the link popover binds Ctrl/Cmd+K, AlignPlugin Ctrl/Cmd+Shift+L/E/R. Strikethrough uses Ctrl/Cmd+Shift+X (as Google Docs).
 */
export default function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        // First of all key handlers: a shortcut acts on the selection the writer sees.
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if ((event.ctrlKey || event.metaKey) && !MODIFIER_KEYS.has(event.key)) $syncSelectionFromDom(editor);
            return false;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyX') {
              event.preventDefault();
              return editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
            }
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );
  return null;
}

/**
 * Chromium may deliver a key press before the 'selectionchange' of the key just before it (input
 * outranks ordinary tasks), and on a key press Lexical reuses its last selection rather than read
 * the DOM: Shift+Home then Ctrl+B at once bolded nothing (a caret format) about one time in six in
 * the e2e test. The DOM selection is taken when it differs; an unchanged caret keeps its pending
 * formats (Ctrl+B then Ctrl+I before typing).
 */
function $syncSelectionFromDom(editor: LexicalEditor): void {
  const current = $getSelection();
  if (current !== null && !$isRangeSelection(current)) return;
  const dom = getDOMSelection(editor._window);
  if (dom === null || !isSelectionWithinEditor(editor, dom.anchorNode, dom.focusNode)) return;
  const fresh = $createRangeSelectionFromDom(dom, editor);
  if (fresh === null || (current !== null && samePoints(current, fresh))) return;
  $setSelection(fresh);
}

function samePoints(a: RangeSelection, b: RangeSelection): boolean {
  return a.anchor.is(b.anchor) && a.focus.is(b.focus);
}
