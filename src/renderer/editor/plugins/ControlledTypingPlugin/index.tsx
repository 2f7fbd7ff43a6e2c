import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';

/**
 * Typed characters are inserted by Lexical, not by the browser. Left to the browser, a letter costs
 * Lexical three passes (beforeinput, input, then the DOM mutation record) on top of Chromium's own
 * typing command; inserted by Lexical it costs one pass and one text node write. Lexical rewrites
 * the whole text node (Chromium reshapes the paragraph rather than the one letter), and still a key
 * press costs 0.4 to 0.6 ms less main-thread CPU on the 10,000-word bench article (median,
 * interleaved A/B in thread CPU time; bench/cases/editorKeystroke.ts has the budget). Lexical takes
 * this path itself whenever the text's format differs from the caret's or the caret is at an
 * inline boundary; this plugin takes it for the plain case too. Everything unusual is left to
 * Lexical: IME composition (its own input types), line breaks, replacements, a range typed over,
 * a caret at the edge of a link or at the start of a text node, and a pending format (Ctrl+B, then
 * a letter).
 */
export default function ControlledTypingPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        BEFORE_INPUT_COMMAND,
        (event) => {
          if (!$isPlainTyping(editor, event)) return false;
          event.preventDefault();
          return editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, event.data as string);
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}

/** Exported for the unit tests: the cases this plugin takes over, and all it leaves to Lexical. */
export function $isPlainTyping(editor: LexicalEditor, event: InputEvent): boolean {
  if (event.inputType !== 'insertText' || event.isComposing || editor.isComposing()) return false;
  const data = event.data;
  if (typeof data !== 'string' || data.length === 0 || /[\r\n]/.test(data)) return false;
  const range = event.getTargetRanges()[0];
  if (range !== undefined && !range.collapsed) return false;
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text') return false;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || !node.isSimpleText() || node.isUnmergeable()) return false;
  if (selection.format !== node.getFormat() || selection.style !== node.getStyle()) return false;
  const offset = selection.anchor.offset;
  if (offset === 0) return false;
  const parent = node.getParent();
  if (parent === null || (offset === node.getTextContentSize() && parent.isInline())) return false;
  return true;
}
