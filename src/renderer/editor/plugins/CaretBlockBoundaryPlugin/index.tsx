import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerCaretBlockBoundary } from './registerCaretBlockBoundary';

/** Keeps layout after a keystroke inside the block being typed in (see registerCaretBlockBoundary). */
export default function CaretBlockBoundaryPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCaretBlockBoundary(editor), [editor]);
  return null;
}
