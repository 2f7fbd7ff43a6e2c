import { encodeCommentJson } from '../../../shared/content/commentJson';
import { escapeHtml } from '../../../shared/content/escapeHtml';
import { lexicalToGutenberg } from '../../../shared/content/lexicalToGutenberg';
import { withSyncMarker } from '../../../shared/content/syncMarker';
import type { ArticleContent } from '../../../shared/model/ArticleContent';
import { slugOf } from '../../../shared/publishChecks/slugOf';

/** The classes that mark the dateline and byline paragraphs in a post (read back by postToArticle). */
export const DATELINE_CLASS = 'nd-dateline';
export const BYLINE_CLASS = 'nd-byline';

export interface ArticleToPostOptions {
  /** The client key of the article's sync marker (syncMarker). */
  key: string;
  /** The portal's media id of an uploaded asset. */
  mediaIdOf(assetId: string): number | undefined;
  /** The portal's URL of an uploaded asset. */
  srcOf(assetId: string): string | undefined;
}

/** What of an article goes into a post's own fields; terms, status and dates are the sync engine's. */
export interface ArticlePostFields {
  title: string;
  content: string;
  excerpt: string;
  /** The post's slug (post_name), folded from Vietnamese; empty when neither the slug nor the title gives one. */
  slug: string;
}

/**
 * An article as the fields of a WordPress post: the body as Gutenberg blocks behind the sync
 * marker, the lead as the excerpt. The dateline and the byline have no field of their own in
 * WordPress, so they travel as paragraph blocks marked by a class: the dateline first, the byline
 * last and right-aligned, as a reader of a Vietnamese portal expects them. The class rides in the
 * block's `className` attribute, which the block editor keeps on a save (unlike attributes of our
 * own), and on the <p>, which kses allows for every role; postToArticle reads them back by it.
 */
export function articleToPost(content: ArticleContent & { slug?: string | undefined }, options: ArticleToPostOptions): ArticlePostFields {
  const blocks: string[] = [];
  if (content.dateline !== '') blocks.push(paragraphBlock(content.dateline, DATELINE_CLASS, ''));
  const body = lexicalToGutenberg(content.body, { mediaIdOf: options.mediaIdOf, srcOf: options.srcOf });
  if (body !== '') blocks.push(body);
  if (content.byline !== '') blocks.push(paragraphBlock(content.byline, BYLINE_CLASS, 'right'));
  return {
    title: plainTextAsHtml(content.title),
    content: withSyncMarker(blocks.join('\n\n'), options.key),
    excerpt: plainTextAsHtml(content.lead),
    // The writer's slug, or the title's: WordPress's own would percent-encode every Vietnamese
    // letter ("c%e1%bb%ada-lo"). The same slugOf the publish checks show (SLUG_MALFORMED).
    slug: slugOf(content.slug?.trim() ? content.slug : content.title),
  };
}

/** Exactly what WordPress 6.1's paragraph block saves for these attributes, so it opens as valid. */
function paragraphBlock(text: string, className: string, align: '' | 'right'): string {
  const attrs = align ? { align, className } : { className };
  const classes = align ? `has-text-align-${align} ${className}` : className;
  return `<!-- wp:paragraph ${encodeCommentJson(attrs)} -->\n<p class="${classes}">${escapeHtml(text)}</p>\n<!-- /wp:paragraph -->`;
}

/**
 * WordPress holds a title and an excerpt as HTML (the block editor edits the title as rich text,
 * kses filters both): our plain text goes out with its markup characters escaped, so that
 * "Văn hóa & Thể thao" or "dưới <30 tuổi" is not eaten by kses, and comes back decoded.
 */
function plainTextAsHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}
