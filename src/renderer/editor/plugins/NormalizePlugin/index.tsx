import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, TextNode } from 'lexical';
import { useEffect } from 'react';

/**
 * Keeps every text node NFC-normalised as it is typed, pasted or dropped, so that "Cửa Lò" from a
 * Telex IME (often decomposed) and from Word (precomposed) are the same text. Skipped while an IME
 * composition is open: rewriting the node then would break the composition; the transform runs
 * again on the update that ends it.
 */
export default function NormalizePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        if (editor.isComposing()) return;
        const text = node.getTextContent();
        const normalized = text.normalize('NFC');
        if (normalized === text) return;
        const selection = $getSelection();
        const key = node.getKey();
        let anchor: number | null = null;
        let focus: number | null = null;
        if ($isRangeSelection(selection)) {
          if (selection.anchor.key === key) anchor = text.slice(0, selection.anchor.offset).normalize('NFC').length;
          if (selection.focus.key === key) focus = text.slice(0, selection.focus.offset).normalize('NFC').length;
        }
        const writable = node.setTextContent(normalized);
        if ($isRangeSelection(selection)) {
          if (anchor !== null) selection.anchor.set(writable.getKey(), anchor, 'text');
          if (focus !== null) selection.focus.set(writable.getKey(), focus, 'text');
        }
      }),
    [editor],
  );
  return null;
}
