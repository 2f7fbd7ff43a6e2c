import type { LexicalState } from '../model/Article';
import { normalizeDeep } from '../text/normalizeText';
import { expandCaptionShortcodes } from './captionShortcodes';
import { decodeCommentJson, parseBlockComment } from './commentJson';
import { parseHtml, type HtmlElement, type HtmlNode } from './parseHtml';
import { CREDIT_CLASS, CREDIT_SEPARATOR, FOREIGN_BLOCK, FOREIGN_INLINE_PREFIX } from './renderHtml';
import { IMAGE_SCHEMES, safeUrl } from './safeUrl';
import {
  documentOf,
  figureNode,
  headingNode,
  horizontalRuleNode,
  lineBreakNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
  type BlockAlign,
  type HeadingTag,
  type SerializedBlock,
  type SerializedFigure,
  type SerializedInline,
  type SerializedList,
} from './serializedNodes';

/** Never imported, content included: active content and things that only make sense on a page. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'template', 'noscript', 'head', 'title', 'meta', 'link', 'base', 'video', 'audio', 'canvas',
  'select', 'textarea', 'button', 'input', 'option', 'picture', 'source', 'map', 'area',
]);
const BLOCKISH = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'body', 'html',
  'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure',
  'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'address',
  'dl', 'dt', 'dd', 'form', 'fieldset', 'details', 'summary',
]);
const FORMAT_OF_TAG: Record<string, number> = { strong: 1, b: 1, em: 2, i: 2, s: 4, strike: 4, del: 4, u: 8 };
const HEADING_OF_TAG: Record<string, HeadingTag> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };

/**
 * Whitespace runs that contain a line break are source formatting, not text: they become this
 * mark, which is dropped at the edges of a block and otherwise read as one space. Plain spaces
 * are kept as they are, so text written by lexicalToGutenberg comes back byte for byte.
 */
const SOFT = '\u0000';

interface Context {
  /** Attributes of the Gutenberg block being read (from its opening comment). */
  blockAttrs: Record<string, unknown>;
  mediaIdFirst: boolean;
}

export interface HtmlToLexicalOptions {
  /**
   * A figure with a portal media id becomes `wp:<id>` even when our own `ndAsset` attribute names
   * an asset: sync reads posts this way, because the media id is what WordPress keeps and the
   * asset named may be another laptop's (sync maps the id to a local asset, or downloads it).
   */
  mediaIdFirst?: boolean;
}

/**
 * Portal HTML → Lexical JSON: Gutenberg block HTML, classic HTML (with wpautop-style blank-line
 * paragraphs) and [caption] shortcodes. Built on an allow-list: only the structures Newsdesk has
 * become nodes, links and images only with safe addresses, scripts and the like vanish with their
 * content. The result is NFC-normalised.
 */
export function htmlToLexical(html: string, options: HtmlToLexicalOptions = {}): LexicalState {
  const isBlockHtml = /<!--\s*wp:/.test(html);
  const source = isBlockHtml ? html : expandCaptionShortcodes(html);
  const blocks = readBlocks(parseHtml(source), { blockAttrs: {}, mediaIdFirst: options.mediaIdFirst === true }, !isBlockHtml);
  if (blocks.length === 0) blocks.push(paragraphNode([]));
  return normalizeDeep(documentOf(blocks)) as unknown as LexicalState;
}

function readBlocks(nodes: HtmlNode[], ctx: Context, classic: boolean): SerializedBlock[] {
  const out: SerializedBlock[] = [];
  let pending: SerializedInline[] = [];
  const flush = () => {
    const inlines = finishInlines(pending);
    pending = [];
    if (inlines.length > 0) out.push(paragraphNode(inlines));
  };
  for (const node of nodes) {
    if (node.kind === 'comment') {
      const comment = parseBlockComment(node.data);
      if (comment) {
        if (comment.name === FOREIGN_BLOCK && comment.selfClosing) {
          flush();
          const foreign = (comment.attrs as { node?: unknown }).node;
          if (foreign && typeof foreign === 'object') out.push(foreign as SerializedBlock);
        } else if (comment.closing) ctx.blockAttrs = {};
        else ctx.blockAttrs = comment.attrs;
        continue;
      }
      const foreign = readForeignInline(node.data);
      if (foreign) pending.push(foreign);
      continue;
    }
    if (node.kind === 'text') {
      if (!/\S/.test(node.text)) continue;
      if (classic) {
        // Classic posts are stored before wpautop: a blank line separates paragraphs.
        const parts = node.text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/);
        parts.forEach((part, index) => {
          if (index > 0) flush();
          const lines = part.split('\n');
          lines.forEach((line, lineIndex) => {
            if (lineIndex > 0 && pending.length > 0) pending.push(lineBreakNode());
            if (line !== '') pending.push(textNode(line.replace(/\t/g, ' ')));
          });
        });
      } else pending.push(...readInlines([node], 0, ctx, []));
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    if (!BLOCKISH.has(node.tag) && node.tag !== 'img') {
      const figures: SerializedFigure[] = [];
      pending.push(...readInlines([node], 0, ctx, figures));
      if (figures.length > 0) {
        flush();
        out.push(...figures);
      }
      continue;
    }
    flush();
    out.push(...readBlock(node, ctx, classic));
  }
  flush();
  return out;
}

function readBlock(node: HtmlElement, ctx: Context, classic: boolean): SerializedBlock[] {
  const heading = HEADING_OF_TAG[node.tag];
  if (node.tag === 'p' || heading) {
    const figures: SerializedFigure[] = [];
    const inlines = finishInlines(readInlines(node.children, 0, ctx, figures));
    if (figures.length > 0 && inlines.length === 0) return figures;
    const align = alignOf(node);
    return [heading ? headingNode(heading, inlines, align) : paragraphNode(inlines, align), ...figures];
  }
  switch (node.tag) {
    case 'ul':
    case 'ol':
      return [readList(node, ctx, 0)];
    case 'blockquote': {
      const figures: SerializedFigure[] = [];
      const inlines = finishInlines(readInlines(node.children, 0, ctx, figures));
      return [quoteNode(inlines), ...figures];
    }
    case 'hr':
      return [horizontalRuleNode()];
    case 'img':
      return [readFigure(node, node, ctx)];
    case 'figure': {
      const img = findFirst(node, 'img');
      if (img) return [readFigure(node, img, ctx)];
      return readBlocks(node.children, ctx, classic);
    }
    default:
      return readBlocks(node.children, ctx, classic);
  }
}

function readList(node: HtmlElement, ctx: Context, depth: number): SerializedList {
  const items: (SerializedInline | SerializedList)[][] = [];
  const readItems = (nodes: HtmlNode[]) => {
    for (const child of nodes) {
      if (child.kind !== 'element') continue;
      if (child.tag !== 'li') {
        // Word and some sites put a list straight inside a list; it belongs to no item.
        if (child.tag === 'ul' || child.tag === 'ol') items.push([readList(child, ctx, depth + 1)]);
        else readItems(child.children);
        continue;
      }
      const nested: HtmlElement[] = [];
      const inlineNodes = child.children.filter((grand) => {
        if (grand.kind === 'element' && (grand.tag === 'ul' || grand.tag === 'ol')) {
          nested.push(grand);
          return false;
        }
        return true;
      });
      const inlines = finishInlines(readInlines(inlineNodes, 0, ctx, []));
      if (inlines.length > 0 || nested.length === 0) items.push(inlines);
      for (const list of nested) items.push([readList(list, ctx, depth + 1)]);
    }
  };
  readItems(node.children);
  const ordered = node.tag === 'ol';
  const startAttr = Number.parseInt(node.attrs.start ?? '', 10);
  const start = ordered && Number.isSafeInteger(startAttr) ? startAttr : 1;
  return listNode(ordered ? 'number' : 'bullet', items, start, depth);
}

function readFigure(figure: HtmlElement, img: HtmlElement, ctx: Context): SerializedFigure {
  const attrs = ctx.blockAttrs;
  const src = img.attrs.src ? safeUrl(img.attrs.src, IMAGE_SCHEMES) : null;
  let caption = '';
  let credit = '';
  const figcaption = figure === img ? undefined : findFirst(figure, 'figcaption');
  if (figcaption) {
    const creditSpan = findFirst(figcaption, 'span', (el) => classList(el).includes(CREDIT_CLASS));
    caption = finishText(textOf(figcaption.children, creditSpan));
    if (creditSpan) {
      credit = finishText(textOf(creditSpan.children));
      if (caption !== '' && credit.startsWith(CREDIT_SEPARATOR)) credit = credit.slice(CREDIT_SEPARATOR.length);
    }
  }
  const wpId =
    typeof attrs.id === 'number'
      ? String(attrs.id)
      : (figure.attrs['data-wp-attachment'] ?? /\bwp-image-(\d+)\b/.exec(img.attrs.class ?? '')?.[1]);
  // An image known only to the portal has no asset of ours yet: sync resolves `wp:<id>` later.
  const assetId =
    ctx.mediaIdFirst && wpId ? `wp:${wpId}` : typeof attrs.ndAsset === 'string' ? attrs.ndAsset : wpId ? `wp:${wpId}` : '';
  return figureNode({
    assetId,
    ...(src ? { src } : {}),
    caption,
    alt: img.attrs.alt ?? '',
    credit,
    ...(attrs.ndCaptionMissing === true ? { captionMissing: true } : {}),
    ...(typeof attrs.ndSource === 'string' && attrs.ndSource !== '' ? { sourceName: attrs.ndSource } : {}),
  });
}

function readInlines(
  nodes: HtmlNode[],
  format: number,
  ctx: Context,
  figures: SerializedFigure[],
  inLink = false,
): SerializedInline[] {
  const out: SerializedInline[] = [];
  let blockSeen = false;
  for (const node of nodes) {
    if (node.kind === 'text') {
      const text = node.text.replace(/\r\n?/g, '\n').replace(/[ \t]*\n\s*/g, SOFT).replace(/\t/g, ' ');
      if (text !== '') out.push(textNode(text, format));
      continue;
    }
    if (node.kind === 'comment') {
      const foreign = readForeignInline(node.data);
      if (foreign) out.push(foreign);
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    if (node.tag === 'br') {
      out.push(lineBreakNode());
      continue;
    }
    if (node.tag === 'img') {
      figures.push(readFigure(node, node, ctx));
      continue;
    }
    if (node.tag === 'figure') {
      const img = findFirst(node, 'img');
      if (img) figures.push(readFigure(node, img, ctx));
      continue;
    }
    if (node.tag === 'a' && !inLink) {
      const children = readInlines(node.children, format, ctx, figures, true);
      const href = node.attrs.href === undefined ? null : safeUrl(node.attrs.href);
      if (href === null) out.push(...children);
      else if (children.length > 0) {
        out.push(
          linkNode(href, children, {
            rel: node.attrs.rel ?? null,
            target: node.attrs.target ?? null,
            title: node.attrs.title ?? null,
          }),
        );
      }
      continue;
    }
    const inner = readInlines(node.children, format | (FORMAT_OF_TAG[node.tag] ?? 0), ctx, figures, inLink);
    if (BLOCKISH.has(node.tag)) {
      // Paragraphs inside a list item or a quote: one line each.
      if (blockSeen && inner.length > 0) out.push(lineBreakNode());
      if (inner.length > 0) blockSeen = true;
    }
    out.push(...inner);
  }
  return out;
}

function readForeignInline(data: string): SerializedInline | null {
  if (!data.startsWith(FOREIGN_INLINE_PREFIX)) return null;
  const node = decodeCommentJson(data.slice(FOREIGN_INLINE_PREFIX.length));
  return node !== null && typeof node === 'object' && typeof (node as { type?: unknown }).type === 'string'
    ? (node as SerializedInline)
    : null;
}

/** Drops soft breaks at block edges and beside hard ones, merges equal neighbours, drops empties. */
function finishInlines(nodes: SerializedInline[]): SerializedInline[] {
  const merged: SerializedInline[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.format === node.format) {
      merged[merged.length - 1] = textNode(last.text + node.text, node.format);
    } else merged.push(node);
  }
  const out: SerializedInline[] = [];
  merged.forEach((node, index) => {
    if (node.type === 'link') {
      const children = finishInlines(node.children);
      if (children.length > 0) out.push({ ...node, children });
      return;
    }
    if (node.type !== 'text') {
      out.push(node);
      return;
    }
    let text = node.text;
    const prev = merged[index - 1];
    const next = merged[index + 1];
    if (!prev || prev.type === 'linebreak') text = text.replace(/^\u0000+/, '');
    if (!next || next.type === 'linebreak') text = text.replace(/\u0000+$/, '');
    text = text.replace(/ ?\u0000+ ?/g, ' ');
    if (text !== '') out.push(textNode(text, node.format));
  });
  return out;
}

function finishText(text: string): string {
  return text.replace(/^\u0000+|\u0000+$/g, '').replace(/ ?\u0000+ ?/g, ' ');
}

function textOf(nodes: HtmlNode[], skip?: HtmlElement): string {
  let text = '';
  for (const node of nodes) {
    if (node === skip) continue;
    if (node.kind === 'text') text += node.text.replace(/\r\n?/g, '\n').replace(/[ \t]*\n\s*/g, SOFT);
    else if (node.kind === 'element' && !DROPPED.has(node.tag)) text += node.tag === 'br' ? SOFT : textOf(node.children, skip);
  }
  return text;
}

function findFirst(
  node: HtmlElement,
  tag: string,
  accept: (element: HtmlElement) => boolean = () => true,
): HtmlElement | undefined {
  for (const child of node.children) {
    if (child.kind !== 'element') continue;
    if (child.tag === tag && accept(child)) return child;
    const found = findFirst(child, tag, accept);
    if (found) return found;
  }
  return undefined;
}

/**
 * A paragraph's or heading's alignment as the portal writes it: Gutenberg's `has-text-align-*`
 * class, the classic editor's `style="text-align: center;"`, or old HTML's `align` attribute.
 * Justify and the rest have no WordPress block equivalent and are dropped.
 */
function alignOf(element: HtmlElement): BlockAlign {
  const fromClass = /^has-text-align-(left|center|right)$/.exec(classList(element).find((name) => name.startsWith('has-text-align-')) ?? '');
  const fromStyle = /(?:^|;)\s*text-align\s*:\s*(left|center|right)\s*(?:;|$|!)/i.exec(element.attrs.style ?? '');
  const value = (fromClass?.[1] ?? fromStyle?.[1] ?? element.attrs.align ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : '';
}

function classList(element: HtmlElement): string[] {
  return (element.attrs.class ?? '').split(/\s+/);
}
