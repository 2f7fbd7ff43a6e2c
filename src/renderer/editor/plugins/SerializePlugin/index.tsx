import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, type RefObject } from 'react';
import type { LexicalState } from '../../../../shared/model/Article';
import { createQuietTimer } from '../../quietTimer';
import { LOAD_TAG } from '../LoadPlugin';

/**
 * Serialising a 10,000-word body costs milliseconds; doing it on every keystroke would put that
 * cost inside each keystroke's frame. The body is serialised once typing pauses (well inside the
 * autosave's own delay), and at once when the editor goes away or the page is being left.
 */
export const SERIALIZE_DELAY_MS = 250;

interface SerializePluginProps {
  onChange(state: LexicalState): void;
  /**
   * Called at once on the first change after a flush, before serialising: the save indicator and
   * the leave-page guard must know about unsaved text from the very first keystroke.
   */
  onDirty?(): void;
  /**
   * Set to a function that serialises pending changes now (calling onChange synchronously): for
   * actions that need the text stored first, such as restoring an older version.
   */
  flushRef?: RefObject<(() => void) | null>;
}

export default function SerializePlugin({ onChange, onDirty, flushRef }: SerializePluginProps): null {
  const [editor] = useLexicalComposerContext();
  const report = useRef(onChange);
  report.current = onChange;
  const reportDirty = useRef(onDirty);
  reportDirty.current = onDirty;

  useEffect(() => {
    let pending = false;
    const flush = () => {
      timer.cancel();
      if (!pending) return;
      pending = false;
      report.current(editor.getEditorState().toJSON() as unknown as LexicalState);
    };
    const timer = createQuietTimer(SERIALIZE_DELAY_MS, flush);
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // Selection moves and the initial load change nothing worth saving.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty() || tags.has(LOAD_TAG)) return;
      if (!pending) reportDirty.current?.();
      pending = true;
      timer.poke();
    });
    const onHide = () => flush();
    if (flushRef) flushRef.current = flush;
    window.addEventListener('beforeunload', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      unregister();
      if (flushRef?.current === flush) flushRef.current = null;
      window.removeEventListener('beforeunload', onHide);
      window.removeEventListener('pagehide', onHide);
      flush();
    };
  }, [editor, flushRef]);
  return null;
}
