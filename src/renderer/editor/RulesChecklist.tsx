import type { ArticleIssue } from '../../shared/model/articleRules';
import { useI18n } from '../app/i18n';

/** What the article still needs before it can be submitted, live as the writer works. */
export function RulesChecklist({ issues }: { issues: ArticleIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) {
    return (
      <p className="nd-rules nd-rules-ok" data-testid="rules" data-count={0}>
        ✓ {t('rules.ok')}
      </p>
    );
  }
  return (
    <section className="nd-rules" data-testid="rules" data-count={issues.length} aria-label={t('rules.heading')}>
      <h2>{t('rules.heading')}</h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.code}-${issue.figure ?? 0}-${index}`} data-code={issue.code} data-testid="rule-issue">
            {t(`rules.${issue.code}`, { figure: issue.figure ?? '', limit: issue.limit ?? '' })}
          </li>
        ))}
      </ul>
    </section>
  );
}
