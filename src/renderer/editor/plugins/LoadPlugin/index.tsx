import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { SerializedEditorState } from 'lexical';
import { useEffect, useRef } from 'react';

/** The tag of the update that puts the stored body into the editor: not a change to save. */
export const LOAD_TAG = 'newsdesk-load';

/**
 * Puts the stored body into the editor, once, after every other plugin has registered (rendered
 * last, its effect runs last), and only then makes it editable. Registering a node transform on an editor that already holds the
 * body makes Lexical mark every node of that type dirty (NormalizePlugin: every text node) in an
 * update of its own; on a 10,000-word article that pass cost ~170 ms of the open, and it looked
 * like an edit, so opening an article saved it. Loaded last, that pass finds nothing, and the one
 * load update (tagged LOAD_TAG) runs the transforms once and is not reported as a change.
 */
export default function LoadPlugin({ state }: { state: () => SerializedEditorState }): null {
  const [editor] = useLexicalComposerContext();
  const load = useRef(state);
  // A passive effect, as the plugins' own registrations are: a layout effect would run before them.
  useEffect(() => {
    // Once per editor: the body is mounted once per article (keyed by id by its parent).
    editor.setEditorState(editor.parseEditorState(load.current()), { tag: LOAD_TAG });
    // Editable only now (BodyEditor starts it read-only): until the stored body is in, anything
    // typed or pasted would have gone into an empty editor that this load then replaces.
    editor.setEditable(true);
  }, [editor]);
  return null;
}
