import { HorizontalRuleNode, $createHorizontalRuleNode, $isHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { ListItemNode, ListNode } from '@lexical/list';
import { HEADING, ORDERED_LIST, QUOTE, registerMarkdownShortcuts, UNORDERED_LIST, type ElementTransformer } from '@lexical/markdown';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getSelection, $isRangeSelection, $isRootNode, $isTextNode, type EditorState } from 'lexical';
import { useEffect } from 'react';

/** `## `, `### `, `#### ` only: the article title is the page's H1, and H5/H6 do not exist here. */
const HEADING_2_TO_4: ElementTransformer = { ...HEADING, regExp: /^(#{2,4})\s/ };
/** `- ` and `* `; `+ ` is left as typed (it starts sentences like "+ 5 độ" in weather news). */
const BULLET: ElementTransformer = { ...UNORDERED_LIST, regExp: /^(\s*)[-*]\s/ };
/** `--- ` or `---` then Enter: a separator, as in the Lexical playground. */
const SEPARATOR: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^---\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule);
    else parentNode.insertBefore(rule);
    rule.selectNext();
  },
  triggerOnEnter: true,
  type: 'element',
};

export const NEWSDESK_MARKDOWN_SHORTCUTS = [HEADING_2_TO_4, BULLET, ORDERED_LIST, QUOTE, SEPARATOR];

/**
 * How far from the start of a block a shortcut can end: "#### " is 5, a numbered list "123. " and
 * a little indentation fit too.
 */
export const SHORTCUT_REACH = 12;

/**
 * Markdown shortcuts typed at the start of a block, restricted to what a news article uses.
 * Lexical's shortcut listener runs an extra update after every typed letter to look for a
 * shortcut (a quarter of a millisecond of the keystroke's CPU on the 10,000-word bench article),
 * but these shortcuts only ever end within the first few characters of a top-level block. So the
 * listener is registered only while the caret is there, and typing further into a paragraph
 * costs nothing.
 */
export default function MarkdownPlugin(): null {
  const [editor] = useLexicalComposerContext();
  if (!editor.hasNodes([HeadingNode, QuoteNode, ListNode, ListItemNode, HorizontalRuleNode])) {
    throw new Error('MarkdownPlugin: heading, quote, list and horizontal-rule nodes must be registered');
  }
  useEffect(() => {
    let unregister: (() => void) | null = null;
    // After each commit, for the next one: a shortcut's last character is typed with the caret
    // already near the start (it got there by typing, clicking, Home or a new paragraph).
    const follow = (state: EditorState) => {
      const near = state.read($caretNearBlockStart);
      if (near && unregister === null) unregister = registerMarkdownShortcuts(editor, NEWSDESK_MARKDOWN_SHORTCUTS);
      else if (!near && unregister !== null) {
        unregister();
        unregister = null;
      }
    };
    follow(editor.getEditorState());
    const stop = editor.registerUpdateListener(({ editorState }) => follow(editorState));
    return () => {
      stop();
      unregister?.();
    };
  }, [editor]);
  return null;
}

/** A collapsed caret within SHORTCUT_REACH of the start of a top-level block's first text. */
export function $caretNearBlockStart(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const { anchor } = selection;
  if (anchor.offset > SHORTCUT_REACH) return false;
  const node = anchor.getNode();
  // An empty block holds the caret itself.
  const block = anchor.type === 'element' ? node : node.getParent();
  if (block === null || !$isRootNode(block.getParent())) return false;
  return anchor.type === 'element' || ($isTextNode(node) && node.getPreviousSibling() === null);
}
