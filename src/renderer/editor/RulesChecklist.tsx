import type { ArticleIssue } from '../../shared/model/articleRules';
import { useI18n } from '../app/i18n';

/**
 * What the article still needs before it can be submitted, live as the writer works, and below it
 * what is worth a second look (caption lint warnings), which never stands in the way of a submit.
 * `data-count` is the number of blocking issues: it is what the submit checks refuse on.
 */
export function RulesChecklist({ issues }: { issues: ArticleIssue[] }) {
  const { t } = useI18n();
  const blocking = issues.filter((issue) => issue.severity === 'blocking');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const list = (items: ArticleIssue[]) => (
    <ul>
      {items.map((issue, index) => (
        <li key={`${issue.code}-${issue.figure ?? 0}-${index}`} data-code={issue.code} data-severity={issue.severity} data-testid="rule-issue">
          {t(`rules.${issue.code}`, { figure: issue.figure ?? '', limit: issue.limit ?? '' })}
        </li>
      ))}
    </ul>
  );
  const warningSection = warnings.length > 0 && (
    <section className="nd-rules-warnings" data-testid="rules-warnings" aria-label={t('rules.warnings')}>
      <h3>{t('rules.warnings')}</h3>
      {list(warnings)}
    </section>
  );
  if (blocking.length === 0) {
    return (
      <div className="nd-rules nd-rules-ok" data-testid="rules" data-count={0} data-warnings={warnings.length}>
        <p>✓ {t('rules.ok')}</p>
        {warningSection}
      </div>
    );
  }
  return (
    <section
      className="nd-rules"
      data-testid="rules"
      data-count={blocking.length}
      data-warnings={warnings.length}
      aria-label={t('rules.heading')}
    >
      <h2>{t('rules.heading')}</h2>
      {list(blocking)}
      {warningSection}
    </section>
  );
}
