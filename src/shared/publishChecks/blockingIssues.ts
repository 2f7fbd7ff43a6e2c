import type { ArticleIssue } from './PublishRule';

/** The issues that stop a submit; the lifecycle service and the checklist's verdict use these. */
export function blockingIssues(issues: readonly ArticleIssue[]): ArticleIssue[] {
  return issues.filter((issue) => issue.severity === 'blocking');
}
