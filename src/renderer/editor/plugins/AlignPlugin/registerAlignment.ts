import { $isHeadingNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_ELEMENT_COMMAND,
  KEY_DOWN_COMMAND,
  type ElementFormatType,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';

export type AlignChoice = 'left' | 'center' | 'right';
/** Ctrl/Cmd+Shift+L, E, R, as in Word and Google Docs. */
export const ALIGN_KEYS: Record<AlignChoice, string> = { left: 'Mod+Shift+L', center: 'Mod+Shift+E', right: 'Mod+Shift+R' };
const CHOICE_OF_CODE: Record<string, AlignChoice> = { KeyL: 'left', KeyE: 'center', KeyR: 'right' };

/**
 * Paragraph and heading alignment, kept to what the portal can carry: WordPress aligns only those
 * two blocks, left/centre/right (has-text-align-*). So FORMAT_ELEMENT_COMMAND, whoever dispatches
 * it, sets the top-level paragraphs and headings of the selection only (Lexical's own handler would
 * also align list items and quotes, which would then be lost on the way to the portal), and
 * ignores justify/start/end. Left is stored as no alignment, the default. Pasted and dropped
 * alignment is dropped by the paste sanitiser: the editor's toolbar is where it is set.
 */
export function registerAlignment(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      FORMAT_ELEMENT_COMMAND,
      (format: ElementFormatType) => {
        const selection = $getSelection();
        const align = format === 'center' || format === 'right' ? format : format === 'left' ? '' : null;
        if (!$isRangeSelection(selection) || align === null) return true;
        const blocks = new Map<string, ElementNode>();
        for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
          const top = node.getTopLevelElement();
          if (top && ($isParagraphNode(top) || $isHeadingNode(top))) blocks.set(top.getKey(), top);
        }
        for (const block of blocks.values()) if (block.getFormatType() !== align) block.setFormat(align);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const choice = CHOICE_OF_CODE[event.code];
        if (!choice || !(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return false;
        // Also keeps Ctrl+Shift+R from reloading the page in the web edition.
        event.preventDefault();
        return editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, choice);
      },
      COMMAND_PRIORITY_NORMAL,
    ),
  );
}
