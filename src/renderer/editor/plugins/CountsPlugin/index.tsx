import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import { countWords } from '../../../../shared/text/countWords';
import { createQuietTimer } from '../../quietTimer';
import { readingMinutes, type TextCounts } from '../../readingTime';

/** Counting walks the whole document: done once typing pauses, never on every keystroke. */
export const COUNTS_DELAY_MS = 300;

export function countsOf(text: string): TextCounts {
  const words = countWords(text);
  let characters = 0;
  for (const char of text) if (char !== '\n') characters += 1;
  return { words, characters, minutes: readingMinutes(words) };
}

/** Reports word and character counts and reading time of the body. */
export default function CountsPlugin({ onCounts }: { onCounts(counts: TextCounts): void }): null {
  const [editor] = useLexicalComposerContext();
  const report = useRef(onCounts);
  report.current = onCounts;

  useEffect(() => {
    const measure = (state: EditorState) => report.current(countsOf(state.read(() => $getRoot().getTextContent())));
    // The first count waits too: opening a long article should not wait for it.
    const timer = createQuietTimer(COUNTS_DELAY_MS, () => measure(editor.getEditorState()));
    timer.poke();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      timer.poke();
    });
    return () => {
      unregister();
      timer.cancel();
    };
  }, [editor]);
  return null;
}
