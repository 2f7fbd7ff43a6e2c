import { htmlToLexical } from '../../../shared/content/htmlToLexical';
import { parseHtml } from '../../../shared/content/parseHtml';
import { plainTextOf } from '../../../shared/content/plainTextOf';
import { withoutSyncMarker } from '../../../shared/content/syncMarker';
import type { LexicalState } from '../../../shared/model/Article';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import type { PortalPost } from '../portal/Portal';
import { BYLINE_CLASS, DATELINE_CLASS } from './articleToPost';

export interface PostToArticleOptions {
  /** Our asset for a portal media id, when we know one (uploaded from here, or pulled before). */
  assetIdOfMedia(mediaId: number): string | undefined;
  /**
   * The article's category for the post's categories, resolved by the caller (Portal.termNames),
   * who also knows which category WordPress filled in by default; '' for none.
   */
  categoryName: string;
  /** The names of the post's tags (Portal.termNames). */
  tagNames: readonly string[];
}

/**
 * A WordPress post (raw fields, context=edit) as article content: the inverse of articleToPost,
 * and a reader of posts written in wp-admin too (blocks, classic HTML, [caption]). A photo is
 * known by its media id: a wp-admin save drops our own block attributes but keeps the id, so an
 * image whose id we know becomes our asset again; one we do not know stays `wp:<id>`.
 */
export function postToArticle(post: PortalPost, options: PostToArticleOptions): ArticleContent {
  const dateline = takeMarkedParagraph(withoutSyncMarker(post.content), DATELINE_CLASS, 'first');
  const byline = takeMarkedParagraph(dateline.rest, BYLINE_CLASS, 'last');
  const body = htmlToLexical(byline.rest, { mediaIdFirst: true });
  const assetOf = (mediaId: number) => options.assetIdOfMedia(mediaId) ?? `wp:${mediaId}`;
  const children = body.root.children.map((block) => {
    const figure = block as { type?: unknown; assetId?: unknown };
    const mediaId = figure.type === 'figure' && typeof figure.assetId === 'string' ? /^wp:(\d+)$/.exec(figure.assetId)?.[1] : undefined;
    return mediaId === undefined ? block : { ...figure, assetId: assetOf(Number(mediaId)) };
  });
  return normalizeDeep({
    title: htmlAsPlainText(post.title),
    lead: htmlAsPlainText(post.excerpt),
    body: { ...body, root: { ...body.root, children } } as LexicalState,
    byline: byline.text,
    dateline: dateline.text,
    category: options.categoryName,
    tags: [...options.tagNames],
    featuredAssetId: post.featuredMedia > 0 ? assetOf(post.featuredMedia) : null,
  });
}

/**
 * A `<p>` of one paragraph block, its comments included when it has them; `<p>` inside other
 * blocks (a quote) match too, but never carry our classes. Paragraphs do not nest, and the block
 * comments' JSON has `--` escaped, so the first `-->` closes the comment.
 */
const PARAGRAPH = /(?:<!--\s*wp:paragraph\b(?:(?!-->)[\s\S])*-->\s*)?<p\b([^>]*)>([\s\S]*?)<\/p\s*>(?:\s*<!--\s*\/wp:paragraph\s*-->)?/gi;
const CLASS_ATTR = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * The text of the paragraph carrying `className` (the first or the last one), and the HTML
 * without it. A web editor may have aligned it otherwise, bolded it or added classes: the class
 * is what marks it, not its exact markup.
 */
function takeMarkedParagraph(html: string, className: string, which: 'first' | 'last'): { text: string; rest: string } {
  let found: RegExpExecArray | null = null;
  for (const match of html.matchAll(PARAGRAPH)) {
    const classes = CLASS_ATTR.exec(match[1]!);
    const names = (classes?.[1] ?? classes?.[2] ?? classes?.[3] ?? '').split(/\s+/);
    if (!names.includes(className)) continue;
    found = match;
    if (which === 'first') break;
  }
  if (!found) return { text: '', rest: html };
  const text = plainTextOf(htmlToLexical(`<p>${found[2]!}</p>`)).trim();
  return { text, rest: html.slice(0, found.index) + html.slice(found.index + found[0].length) };
}

/**
 * WordPress holds titles and excerpts as HTML (kses writes `&` as `&amp;` for a contributor);
 * ours are plain text. Read as a textarea reads its content: entities decoded, nothing a tag.
 */
function htmlAsPlainText(html: string): string {
  // The newline is one a textarea drops by definition, so a leading newline of the text survives.
  const [textarea] = parseHtml(`<textarea>\n${html.replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`);
  if (textarea?.kind !== 'element') return html;
  return textarea.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
}
