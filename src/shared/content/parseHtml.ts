import { parseFragment } from 'parse5';

/**
 * A small, plain HTML tree, produced by parse5 (spec-compliant, the parser jsdom uses; runs in
 * Node and in the browser). The converters see only this shape, never DOM globals, so the main
 * process can call them for portal sync.
 */
export type HtmlNode = HtmlElement | HtmlText | HtmlComment;
export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  kind: 'text';
  text: string;
}
export interface HtmlComment {
  kind: 'comment';
  data: string;
}

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

export function parseHtml(html: string): HtmlNode[] {
  const fragment = parseFragment(html) as unknown as Parse5Node;
  return convertChildren(fragment);
}

function convertChildren(node: Parse5Node): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const child of node.childNodes ?? []) {
    const converted = convert(child);
    if (converted) out.push(converted);
  }
  return out;
}

function convert(node: Parse5Node): HtmlNode | null {
  if (node.nodeName === '#text') return { kind: 'text', text: node.value ?? '' };
  if (node.nodeName === '#comment') return { kind: 'comment', data: node.data ?? '' };
  if (!node.tagName) return null;
  const attrs: Record<string, string> = {};
  for (const attr of node.attrs ?? []) attrs[attr.name.toLowerCase()] = attr.value;
  // <template> keeps its children in `content`; they are inert and never imported.
  return { kind: 'element', tag: node.tagName.toLowerCase(), attrs, children: convertChildren(node) };
}
