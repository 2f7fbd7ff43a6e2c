import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

/**
 * Shortcuts Lexical does not bind itself. Lexical already binds Ctrl/Cmd+B, I, U, Z, Shift+Z and
 * Ctrl+Y; the link popover binds Ctrl/Cmd+K, AlignPlugin Ctrl/Cmd+Shift+L/E/R. Strikethrough uses Ctrl/Cmd+Shift+X (as Google Docs).
 */
export default function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
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
    [editor],
  );
  return null;
}
