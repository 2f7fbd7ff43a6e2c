import { createHeadlessEditor } from '@lexical/headless';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';

/**
 * A headless Lexical editor for unit tests, with the given node types registered. Errors inside an
 * update are thrown, not logged: Lexical's default handler would let a broken test pass.
 */
export function headlessEditor(nodes: readonly Klass<LexicalNode>[] = []): LexicalEditor {
  return createHeadlessEditor({
    nodes,
    onError: (error) => {
      throw error;
    },
  });
}
