import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerAlignment } from './registerAlignment';

export { ALIGN_KEYS, type AlignChoice } from './registerAlignment';

/** Alignment of paragraphs and headings (toolbar, Ctrl/Cmd+Shift+L/E/R); see registerAlignment. */
export default function AlignPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerAlignment(editor), [editor]);
  return null;
}
