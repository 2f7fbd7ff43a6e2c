import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $isDecoratorNode,
  $isElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/**
 * Lexical nodes for a sanitised paste, as top-level blocks: runs of inline nodes that the HTML had
 * outside any block (a bare "<b>x</b>y") are gathered into paragraphs, so every slice of a large
 * paste can be placed after the previous one as a block. Must run inside an editor update.
 */
export function $nodesFromPastedBody(editor: LexicalEditor, body: HTMLElement): LexicalNode[] {
  const nodes = $generateNodesFromDOM(editor, body);
  const blocks: LexicalNode[] = [];
  let paragraph: ReturnType<typeof $createParagraphNode> | null = null;
  for (const node of nodes) {
    const isBlock = ($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline();
    if (isBlock) {
      paragraph = null;
      blocks.push(node);
      continue;
    }
    if (!paragraph) {
      paragraph = $createParagraphNode();
      blocks.push(paragraph);
    }
    paragraph.append(node);
  }
  return blocks;
}
