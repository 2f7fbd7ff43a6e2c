import type { LexicalEditor, LexicalNode } from 'lexical';
import { $nodesFromPastedBody } from '../../../../src/renderer/editor/paste/nodesFromPastedBody';

/** Re-exported without the `$` so the test reads plainly; it still runs inside editor.update. */
export function nodesFromPastedBody(editor: LexicalEditor, body: HTMLElement): LexicalNode[] {
  return $nodesFromPastedBody(editor, body);
}
