/**
 * The serialized Lexical nodes Newsdesk understands, in exactly the shape Lexical 0.52's
 * `exportJSON` writes them (checked by a unit test against a headless editor), plus our figure.
 * The converters build nodes only through these builders, so what they produce round-trips.
 */

export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8 } as const;
/** The formats the portal can carry; code, sub/superscript and highlight are dropped on import. */
export const SUPPORTED_TEXT_FORMATS = 1 | 2 | 4 | 8;

export type HeadingTag = 'h2' | 'h3' | 'h4';
/**
 * Text alignment of a paragraph or heading, as Lexical stores it in `format` and WordPress in
 * `has-text-align-*`. '' is the default (left, the start of Vietnamese text); only paragraphs and
 * headings carry one, because only their WordPress blocks do.
 */
export type BlockAlign = '' | 'left' | 'center' | 'right';
export const BLOCK_ALIGNS: readonly BlockAlign[] = ['', 'left', 'center', 'right'];

/** The alignment a `format` field stands for; anything else (justify, start, end) is none. */
export function blockAlignOf(format: unknown): BlockAlign {
  return format === 'left' || format === 'center' || format === 'right' ? format : '';
}
export type ListType = 'bullet' | 'number';

interface ElementFields {
  direction: 'ltr' | 'rtl' | null;
  format: string;
  indent: number;
  version: 1;
}

export interface SerializedText {
  type: 'text';
  version: 1;
  detail: number;
  format: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
  text: string;
}
export interface SerializedLineBreak {
  type: 'linebreak';
  version: 1;
}
export interface SerializedLink extends ElementFields {
  type: 'link';
  url: string;
  rel: string | null;
  target: string | null;
  title: string | null;
  children: SerializedInline[];
}
/** A node type this version does not know, kept verbatim (from a newer Newsdesk). */
export interface SerializedForeign {
  type: string;
  [key: string]: unknown;
}
export type SerializedInline = SerializedText | SerializedLineBreak | SerializedLink;

export interface SerializedParagraph extends ElementFields {
  type: 'paragraph';
  textFormat: number;
  textStyle: string;
  children: SerializedInline[];
}
export interface SerializedHeading extends ElementFields {
  type: 'heading';
  tag: HeadingTag;
  children: SerializedInline[];
}
export interface SerializedQuote extends ElementFields {
  type: 'quote';
  children: SerializedInline[];
}
export interface SerializedListItem extends ElementFields {
  type: 'listitem';
  value: number;
  /** Either inline content, or exactly one nested list (Lexical's shape for nesting). */
  children: (SerializedInline | SerializedList)[];
}
export interface SerializedList extends ElementFields {
  type: 'list';
  listType: ListType;
  start: number;
  tag: 'ul' | 'ol';
  children: SerializedListItem[];
}
export interface SerializedHorizontalRule {
  type: 'horizontalrule';
  version: 1;
}
/** A block-level photo with its caption and credit; the editor's FigureNode serialises to this. */
export interface SerializedFigure {
  type: 'figure';
  version: 1;
  assetId: string;
  /** A portal URL once the photo has been uploaded; absent for local-only photos. */
  src?: string;
  caption: string;
  alt: string;
  credit: string;
  /** Set by importers when the source had no caption at all. */
  captionMissing?: boolean;
  /**
   * The camera file name the source used for this photo (`img_4426`, `DSC_0012`), so the
   * photographer can find the original. Never the caption; absent in documents that had none.
   */
  sourceName?: string;
}
export type SerializedBlock =
  | SerializedParagraph
  | SerializedHeading
  | SerializedQuote
  | SerializedList
  | SerializedHorizontalRule
  | SerializedFigure;

export interface SerializedRoot extends ElementFields {
  type: 'root';
  children: SerializedBlock[];
}
export interface SerializedDocument {
  root: SerializedRoot;
}

const element = (): ElementFields => ({ direction: null, format: '', indent: 0, version: 1 });

export function textNode(text: string, format = 0): SerializedText {
  return { type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text };
}
export function lineBreakNode(): SerializedLineBreak {
  return { type: 'linebreak', version: 1 };
}
export function linkNode(
  url: string,
  children: SerializedInline[],
  extra: { rel?: string | null; target?: string | null; title?: string | null } = {},
): SerializedLink {
  return {
    ...element(),
    type: 'link',
    url,
    rel: extra.rel ?? null,
    target: extra.target ?? null,
    title: extra.title ?? null,
    children,
  };
}
/** Lexical records the format of the paragraph's first text as `textFormat`; so do we. */
export function paragraphNode(children: SerializedInline[], align: BlockAlign = ''): SerializedParagraph {
  const first = children.find((child): child is SerializedText => child.type === 'text');
  return { ...element(), format: align, type: 'paragraph', textFormat: first ? first.format : 0, textStyle: '', children };
}
export function headingNode(tag: HeadingTag, children: SerializedInline[], align: BlockAlign = ''): SerializedHeading {
  return { ...element(), format: align, type: 'heading', tag, children };
}
export function quoteNode(children: SerializedInline[]): SerializedQuote {
  return { ...element(), type: 'quote', children };
}
export function horizontalRuleNode(): SerializedHorizontalRule {
  return { type: 'horizontalrule', version: 1 };
}
export function figureNode(fields: Omit<SerializedFigure, 'type' | 'version'>): SerializedFigure {
  const node: SerializedFigure = {
    type: 'figure',
    version: 1,
    assetId: fields.assetId,
    caption: fields.caption,
    alt: fields.alt,
    credit: fields.credit,
  };
  if (fields.src !== undefined) node.src = fields.src;
  if (fields.captionMissing) node.captionMissing = true;
  if (fields.sourceName) node.sourceName = fields.sourceName;
  return node;
}

/**
 * A list with Lexical's derived fields filled in: items numbered from `start` (an item that only
 * wraps a nested list takes the next number without using it up) and each nested level indented.
 */
export function listNode(
  listType: ListType,
  items: (SerializedInline | SerializedList)[][],
  start = 1,
  depth = 0,
): SerializedList {
  let value = start;
  const children: SerializedListItem[] = items.map((content) => {
    const nested = content.length === 1 && content[0]!.type === 'list';
    const item: SerializedListItem = {
      ...element(),
      type: 'listitem',
      indent: depth,
      value,
      children: nested ? [reindentList(content[0] as SerializedList, depth + 1)] : content,
    };
    if (!nested) value += 1;
    return item;
  });
  return { ...element(), type: 'list', listType, start, tag: listType === 'number' ? 'ol' : 'ul', children };
}

function reindentList(list: SerializedList, depth: number): SerializedList {
  return listNode(
    list.listType,
    list.children.map((item) => item.children),
    list.start,
    depth,
  );
}

export function documentOf(children: SerializedBlock[]): SerializedDocument {
  return { root: { ...element(), type: 'root', children } };
}

const KNOWN_INLINE = new Set(['text', 'linebreak', 'link']);
const KNOWN_BLOCK = new Set(['paragraph', 'heading', 'quote', 'list', 'horizontalrule', 'figure']);

export function isKnownInlineType(type: unknown): boolean {
  return typeof type === 'string' && KNOWN_INLINE.has(type);
}
export function isKnownBlockType(type: unknown): boolean {
  return typeof type === 'string' && KNOWN_BLOCK.has(type);
}
