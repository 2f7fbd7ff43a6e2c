import { plainTextOf } from '../../../shared/content/plainTextOf';
import type { Article } from '../../../shared/model/Article';
import { SEARCH_HIT_FIELDS } from '../../../shared/model/SearchHit';

/**
 * The parts of an article search looks in, most telling first: the index sees them in this order,
 * and FlexSearch ranks a match early in a document above one late in it, so a title match leads.
 */
export const SEARCH_FIELDS = SEARCH_HIT_FIELDS;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type SearchableFields = Record<SearchField, string>;

/**
 * The text of each searchable field as the reader sees it (original case and marks: snippets and
 * highlight ranges are taken from it). Captions come from figure nodes anywhere in the body:
 * plainTextOf skips them, as they are not running text.
 */
export function searchableFieldsOf(article: Article): SearchableFields {
  const captions: string[] = [];
  collectFigureText(article.body.root.children, captions);
  return {
    title: article.title,
    tags: article.tags.join(', '),
    lead: article.lead,
    captions: captions.join(' · '),
    byline: article.byline,
    body: plainTextOf(article.body),
  };
}

function collectFigureText(nodes: unknown[], into: string[]): void {
  for (const node of nodes) {
    if (node === null || typeof node !== 'object') continue;
    const record = node as { type?: unknown; caption?: unknown; alt?: unknown; credit?: unknown; children?: unknown };
    if (record.type === 'figure') {
      for (const part of [record.caption, record.alt, record.credit]) {
        if (typeof part === 'string' && part.trim() !== '') into.push(part);
      }
    }
    if (Array.isArray(record.children)) collectFigureText(record.children, into);
  }
}
