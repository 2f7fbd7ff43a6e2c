import { HorizontalRuleNode, $createHorizontalRuleNode, $isHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { ListItemNode, ListNode } from '@lexical/list';
import { HEADING, ORDERED_LIST, QUOTE, UNORDERED_LIST, type ElementTransformer } from '@lexical/markdown';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

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

/** Markdown shortcuts typed at the start of a block, restricted to what a news article uses. */
export default function MarkdownPlugin() {
  const [editor] = useLexicalComposerContext();
  if (!editor.hasNodes([HeadingNode, QuoteNode, ListNode, ListItemNode, HorizontalRuleNode])) {
    throw new Error('MarkdownPlugin: heading, quote, list and horizontal-rule nodes must be registered');
  }
  return <MarkdownShortcutPlugin transformers={NEWSDESK_MARKDOWN_SHORTCUTS} />;
}
