import { plainTextOf } from '../../shared/content/plainTextOf';
import type { Article } from '../../shared/model/Article';

/** What a diff compares: the words a reader sees, title and lead first. */
export function textOfArticle(article: Pick<Article, 'title' | 'lead' | 'body'>): string {
  return [article.title, article.lead, plainTextOf(article.body)].filter((part) => part.length > 0).join('\n\n');
}
