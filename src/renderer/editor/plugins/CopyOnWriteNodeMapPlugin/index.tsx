import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerCopyOnWriteNodeMap } from './registerCopyOnWriteNodeMap';

/** Keeps the editor state's node map copy-on-write (see registerCopyOnWriteNodeMap). */
export default function CopyOnWriteNodeMapPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCopyOnWriteNodeMap(editor), [editor]);
  return null;
}
