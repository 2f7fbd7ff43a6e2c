import { lintCaption } from '../captionLint/lintCaption';
import type { CheckOverride } from '../model/CheckOverride';
import { figuresBesideText } from './figuresOf';
import { linksOf } from './linksOf';
import type { ArticleFacts, ArticleIssue, ArticleIssueCode, CheckableArticle } from './PublishRule';
import { PUBLISH_RULES } from './rules';
import { slugOf } from './slugOf';

/** What several rules read, worked out once: figures with their caption lint, links, the slug. */
export function articleFactsOf(article: CheckableArticle): ArticleFacts {
  const typed = (article.slug ?? '').trim();
  return {
    figures: figuresBesideText(article.body).map(({ figure, beside }, index) => ({
      number: index + 1,
      facts: figure,
      lint: lintCaption(figure, { beside }),
    })),
    links: linksOf(article.body).map((link, index) => ({ number: index + 1, ...link })),
    slug: slugOf(typed !== '' ? typed : article.title),
  };
}

/**
 * What an article needs before it may be submitted, and what is worth a second look: every rule
 * of PUBLISH_RULES, in its order, except that a figure's issues are listed together, figure by
 * figure in reading order, after the article's own. Pure and shared: the editor's checklist, the
 * lifecycle service's refusal and the queue's list of what is missing all come from here.
 * `overrides` (stored on the article) mark the warnings an editor let stand; a stored override of
 * a blocking check (a rule whose severity changed since) is ignored, never honoured.
 */
export function checkArticle(article: CheckableArticle, overrides: readonly CheckOverride[] = []): ArticleIssue[] {
  const facts = articleFactsOf(article);
  const found = new Set<ArticleIssueCode>();
  const issues: ArticleIssue[] = [];
  for (const rule of PUBLISH_RULES) {
    if (rule.unless?.some((code) => found.has(code))) continue;
    const result = rule.check(article, facts);
    if (result === false) continue;
    const findings = result === true ? [{}] : Array.isArray(result) ? result : [result];
    if (findings.length === 0) continue;
    found.add(rule.id);
    for (const finding of findings) {
      const issue: ArticleIssue = { code: rule.id, severity: rule.severity, field: rule.field, message: rule.message, ...finding };
      const override = rule.severity === 'warning' ? overrides.find((o) => o.rule === rule.id && o.target === overrideTargetOf(issue)) : undefined;
      issues.push(override ? { ...issue, override: { reason: override.reason, by: override.by, at: override.at } } : issue);
    }
  }
  // Stable: within a figure (and for the article itself, "figure 0") the rules' order stays.
  return issues.sort((a, b) => (a.figure ?? 0) - (b.figure ?? 0));
}

/** What an override of `issue` names besides the rule: the figure's photo, or nothing. */
export function overrideTargetOf(issue: Pick<ArticleIssue, 'assetId'>): string {
  return issue.assetId ?? '';
}
