import type { ArticleIssue } from '../../shared/publishChecks/PublishRule';
import type { MessageKey } from '../app/messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The words of one publish-check issue, with its facts (figure, limit, link, slug) filled in. */
export function issueText(t: Translate, issue: Pick<ArticleIssue, 'message' | 'figure' | 'limit' | 'link' | 'url' | 'slug'>): string {
  return t(issue.message, {
    figure: issue.figure ?? '',
    limit: issue.limit ?? '',
    link: issue.link ?? '',
    url: issue.url ?? '',
    slug: issue.slug ?? '',
  });
}
