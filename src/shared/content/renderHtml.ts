import type { LexicalState } from '../model/Article';
import { plainTextOf } from './plainTextOf';
import { encodeCommentJson } from './commentJson';
import { escapeHtml } from './escapeHtml';
import { IMAGE_SCHEMES, safeUrl } from './safeUrl';
import { blockAlignOf } from './serializedNodes';

export type HtmlFlavour = 'gutenberg' | 'clean';

export interface RenderOptions {
  /** The portal's media id for one of our assets, once it has been uploaded. */
  mediaIdOf?: (assetId: string) => number | undefined;
  /** Where the portal serves an asset; defaults to the figure's own `src`. */
  srcOf?: (assetId: string) => string | undefined;
  /**
   * Image address schemes kept (default http, https). Only an in-app preview widens it, to the
   * `blob:` URLs the editor shows photos through; nothing sent to the portal ever does.
   */
  imageSchemes?: readonly string[];
}

/** The credit follows the caption after this separator, inside its own span so it can be read back. */
export const CREDIT_SEPARATOR = ' — ';
export const CREDIT_CLASS = 'nd-credit';
export const FOREIGN_INLINE_PREFIX = 'nd:node ';
export const FOREIGN_BLOCK = 'newsdesk/unknown';

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null;
const childrenOf = (node: Loose): unknown[] => (Array.isArray(node.children) ? node.children : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Shared by lexicalToGutenberg and lexicalToCleanHtml: same walk, two ways to mark blocks. */
export function renderHtml(state: LexicalState, flavour: HtmlFlavour, options: RenderOptions = {}): string {
  const blocks: string[] = [];
  for (const child of state.root.children) {
    const html = renderBlock(child, flavour, options);
    if (html !== '') blocks.push(html);
  }
  return blocks.join(flavour === 'gutenberg' ? '\n\n' : '\n');
}

function wrapBlock(flavour: HtmlFlavour, name: string, attrs: Loose | null, html: string): string {
  if (flavour === 'clean') return html;
  const json = attrs && Object.keys(attrs).length > 0 ? ` ${encodeCommentJson(attrs)}` : '';
  return `<!-- wp:${name}${json} -->\n${html}\n<!-- /wp:${name} -->`;
}

function renderBlock(value: unknown, flavour: HtmlFlavour, options: RenderOptions): string {
  const node = asRecord(value);
  if (!node) return '';
  switch (node.type) {
    case 'paragraph': {
      const align = blockAlignOf(node.format);
      const html = `<p${alignAttr(align, flavour)}>${renderInlines(childrenOf(node), flavour)}</p>`;
      return wrapBlock(flavour, 'paragraph', align ? { align } : null, html);
    }
    case 'heading': {
      const tag = node.tag === 'h3' || node.tag === 'h4' ? node.tag : 'h2';
      const level = Number(tag.slice(1));
      const align = blockAlignOf(node.format);
      const html = `<${tag}${alignAttr(align, flavour)}>${renderInlines(childrenOf(node), flavour)}</${tag}>`;
      // WordPress names it `align` on a paragraph but `textAlign` on a heading (core block.json).
      const attrs: Loose = {};
      if (align) attrs.textAlign = align;
      if (level !== 2) attrs.level = level;
      return wrapBlock(flavour, 'heading', attrs, html);
    }
    case 'quote': {
      const cls = flavour === 'gutenberg' ? ' class="wp-block-quote"' : '';
      return wrapBlock(flavour, 'quote', null, `<blockquote${cls}><p>${renderInlines(childrenOf(node), flavour)}</p></blockquote>`);
    }
    case 'list':
      return renderList(node, flavour);
    case 'horizontalrule':
      return wrapBlock(
        flavour,
        'separator',
        null,
        flavour === 'gutenberg' ? '<hr class="wp-block-separator has-alpha-channel-opacity"/>' : '<hr/>',
      );
    case 'figure':
      return renderFigure(node, flavour, options);
    default:
      return renderForeignBlock(node, flavour);
  }
}

/** How WordPress marks an aligned paragraph or heading; clean HTML has no classes, so a style. */
function alignAttr(align: string, flavour: HtmlFlavour): string {
  if (align === '') return '';
  return flavour === 'gutenberg' ? ` class="has-text-align-${align}"` : ` style="text-align:${align}"`;
}

function renderList(node: Loose, flavour: HtmlFlavour): string {
  const ordered = node.listType === 'number';
  const tag = ordered ? 'ol' : 'ul';
  const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  const items: string[] = [];
  let mergeable = false;
  for (const raw of childrenOf(node)) {
    const item = asRecord(raw);
    if (!item) continue;
    const kids = childrenOf(item);
    const nested = kids.length === 1 && asRecord(kids[0])?.type === 'list' ? asRecord(kids[0]) : null;
    if (nested && mergeable) {
      // Lexical keeps a nested list in an item of its own; HTML (and the portal) nests it in
      // the item before it. Reading back splits it out again, so the JSON round-trips.
      items[items.length - 1] = items[items.length - 1]!.replace(/<\/li>(\n<!-- \/wp:list-item -->)?$/, (_m, tail: string | undefined) => `${renderList(nested, flavour)}</li>${tail ?? ''}`);
      continue;
    }
    // Only an item with text of its own can host the nested list: an empty <li> followed by a
    // list would read back as a wrapper alone.
    mergeable = !nested && kids.length > 0;
    const inner = nested ? renderList(nested, flavour) : renderInlines(kids, flavour);
    items.push(flavour === 'gutenberg' ? `<!-- wp:list-item -->\n<li>${inner}</li>\n<!-- /wp:list-item -->` : `<li>${inner}</li>`);
  }
  const startAttr = ordered && start !== 1 ? ` start="${start}"` : '';
  const attrs: Loose = {};
  if (ordered) attrs.ordered = true;
  if (ordered && start !== 1) attrs.start = start;
  return wrapBlock(flavour, 'list', attrs, `<${tag}${startAttr}>${items.join('')}</${tag}>`);
}

function renderFigure(node: Loose, flavour: HtmlFlavour, options: RenderOptions): string {
  const assetId = str(node.assetId);
  const caption = str(node.caption);
  const credit = str(node.credit);
  const mediaId = assetId ? options.mediaIdOf?.(assetId) : undefined;
  const rawSrc = (assetId ? options.srcOf?.(assetId) : undefined) ?? str(node.src);
  const src = rawSrc ? safeUrl(rawSrc, options.imageSchemes ?? IMAGE_SCHEMES) : null;
  const imgClass = flavour === 'gutenberg' && mediaId !== undefined ? ` class="wp-image-${mediaId}"` : '';
  const img = `<img${src ? ` src="${escapeHtml(src)}"` : ''} alt="${escapeHtml(str(node.alt))}"${imgClass}/>`;
  let figcaption = '';
  if (caption !== '' || credit !== '') {
    const creditHtml =
      credit === ''
        ? ''
        : flavour === 'gutenberg'
          ? `<span class="${CREDIT_CLASS}">${escapeHtml((caption ? CREDIT_SEPARATOR : '') + credit)}</span>`
          : escapeHtml((caption ? CREDIT_SEPARATOR : '') + credit);
    const cls = flavour === 'gutenberg' ? ' class="wp-element-caption"' : '';
    figcaption = `<figcaption${cls}>${escapeHtml(caption)}${creditHtml}</figcaption>`;
  }
  const figureClass = flavour === 'gutenberg' ? ' class="wp-block-image"' : '';
  const html = `<figure${figureClass}>${img}${figcaption}</figure>`;
  // Our own fields ride in the block's comment attributes: WordPress ignores unknown attributes
  // there, whereas an extra attribute on <img> would make the block "invalid" in its editor.
  const attrs: Loose = {};
  if (mediaId !== undefined) attrs.id = mediaId;
  if (assetId) attrs.ndAsset = assetId;
  if (node.captionMissing === true) attrs.ndCaptionMissing = true;
  if (str(node.sourceName) !== '') attrs.ndSource = str(node.sourceName);
  return wrapBlock(flavour, 'image', attrs, html);
}

function renderForeignBlock(node: Loose, flavour: HtmlFlavour): string {
  if (flavour === 'gutenberg') return `<!-- wp:${FOREIGN_BLOCK} ${encodeCommentJson({ node })} /-->`;
  const text = plainTextOf({ root: { type: 'root', children: [node] } });
  return text === '' ? '' : `<p>${escapeHtml(text).replace(/\n/g, '<br/>')}</p>`;
}

const FORMAT_TAGS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
];

function renderInlines(nodes: unknown[], flavour: HtmlFlavour): string {
  return nodes.map((node) => renderInline(node, flavour)).join('');
}

function renderInline(value: unknown, flavour: HtmlFlavour): string {
  const node = asRecord(value);
  if (!node) return '';
  switch (node.type) {
    case 'text': {
      let html = escapeHtml(str(node.text));
      const format = typeof node.format === 'number' ? node.format : 0;
      for (let i = FORMAT_TAGS.length - 1; i >= 0; i -= 1) {
        const [bit, tag] = FORMAT_TAGS[i]!;
        if (format & bit) html = `<${tag}>${html}</${tag}>`;
      }
      return html;
    }
    case 'linebreak':
      return '<br/>';
    case 'tab':
      return ' ';
    case 'link': {
      const inner = renderInlines(childrenOf(node), flavour);
      const href = safeUrl(str(node.url));
      if (href === null) return inner;
      let attrs = ` href="${escapeHtml(href)}"`;
      if (typeof node.target === 'string') attrs += ` target="${escapeHtml(node.target)}"`;
      if (typeof node.rel === 'string') attrs += ` rel="${escapeHtml(node.rel)}"`;
      if (typeof node.title === 'string') attrs += ` title="${escapeHtml(node.title)}"`;
      return `<a${attrs}>${inner}</a>`;
    }
    default:
      if (flavour === 'gutenberg') return `<!--${FOREIGN_INLINE_PREFIX}${encodeCommentJson(node)}-->`;
      return escapeHtml(plainTextOf({ root: { type: 'root', children: [node] } }));
  }
}
