import { useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import { OVERRIDE_REASON_MAX } from '../../shared/model/CheckOverride';
import type { ArticleIssue } from '../../shared/publishChecks/PublishRule';
import { overrideTargetOf } from '../../shared/publishChecks/checkArticle';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { issueText } from './issueText';

interface RulesChecklistProps {
  issues: ArticleIssue[];
  /** Takes the writer to the field the issue is about. */
  onJump(issue: ArticleIssue): void;
  /** Given only to an editor: lets a warning stand with a reason; resolves once it is stored. */
  onOverride?: ((issue: ArticleIssue, reason: string) => Promise<void>) | undefined;
}

/**
 * What the article still needs before it can be submitted, live as the writer works, and below it
 * what is worth a second look (warnings), which never stands in the way of a submit. Each issue
 * is a button that jumps to its field. An editor may let a warning stand with a reason; the
 * reason and who gave it are shown to everybody in its place ("Bỏ qua: … — …").
 * `data-count` is the number of blocking issues: it is what the submit checks refuse on.
 */
export function RulesChecklist({ issues, onJump, onOverride }: RulesChecklistProps) {
  const { t } = useI18n();
  const blocking = issues.filter((issue) => issue.severity === 'blocking');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const list = (items: ArticleIssue[]) => (
    <ul>
      {items.map((issue, index) => (
        <IssueItem key={`${issue.code}-${issue.figure ?? 0}-${issue.link ?? 0}-${index}`} issue={issue} onJump={onJump} onOverride={onOverride} />
      ))}
    </ul>
  );
  const warningSection = warnings.length > 0 && (
    <section className="nd-rules-warnings" data-testid="rules-warnings" aria-label={t('rules.warnings')}>
      <h3>{t('rules.warnings')}</h3>
      {list(warnings)}
    </section>
  );
  const overridden = warnings.filter((issue) => issue.override).length;
  if (blocking.length === 0) {
    return (
      <div className="nd-rules nd-rules-ok" data-testid="rules" data-count={0} data-warnings={warnings.length} data-overridden={overridden}>
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
      data-overridden={overridden}
      aria-label={t('rules.heading')}
    >
      <h2>{t('rules.heading')}</h2>
      {list(blocking)}
      {warningSection}
    </section>
  );
}

function IssueItem({ issue, onJump, onOverride }: { issue: ArticleIssue; onJump(issue: ArticleIssue): void; onOverride: RulesChecklistProps['onOverride'] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const text = issueText(t, issue);
  // Blocking checks are never offered: the service would refuse them too.
  const offered = onOverride !== undefined && issue.severity === 'warning' && !issue.override;

  const confirm = () => {
    if (!onOverride || reason.trim() === '') return;
    setPending(true);
    setProblem(null);
    onOverride(issue, reason.normalize('NFC')).then(
      () => {
        setPending(false);
        setOpen(false);
        setReason('');
      },
      (error: unknown) => {
        setPending(false);
        setProblem(overrideProblemOf(error));
      },
    );
  };

  return (
    <li
      data-testid="rule-item"
      data-code={issue.code}
      data-target={overrideTargetOf(issue)}
      data-overridden={issue.override ? 'true' : 'false'}
      className={issue.override ? 'nd-rule nd-rule-overridden' : 'nd-rule'}
    >
      <button
        type="button"
        className="nd-rule-jump"
        data-testid="rule-issue"
        data-code={issue.code}
        data-severity={issue.severity}
        aria-label={t('rules.jump', { issue: text })}
        onClick={() => onJump(issue)}
      >
        {text}
      </button>
      {issue.override && (
        <span className="nd-rule-override" data-testid="rule-override">
          {t('rules.overridden', { reason: issue.override.reason, who: issue.override.by || t('rules.overriddenBy') })}
        </span>
      )}
      {offered && !open && (
        <button type="button" className="nd-secondary nd-rule-override-open" data-testid="rule-override-open" aria-label={t('rules.overrideLabel', { issue: text })} onClick={() => setOpen(true)}>
          {t('rules.override')}
        </button>
      )}
      {offered && open && (
        <form
          className="nd-rule-override-form"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <label>
            {t('rules.overrideReason')}
            <textarea
              data-testid="override-reason-input"
              value={reason}
              maxLength={OVERRIDE_REASON_MAX}
              required
              autoFocus
              lang="vi"
              rows={2}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="submit" data-testid="override-confirm" disabled={pending || reason.trim() === ''}>
            {t('rules.overrideConfirm')}
          </button>
          <button type="button" className="nd-secondary" onClick={() => setOpen(false)}>
            {t('rules.overrideCancel')}
          </button>
        </form>
      )}
      {problem && (
        <span role="alert" className="nd-rule-problem" data-testid="override-problem">
          {t(problem)}
        </span>
      )}
    </li>
  );
}

const OVERRIDE_REFUSAL_KEYS: Record<string, MessageKey> = {
  'not-editor': 'override.refused.notEditor',
  blocking: 'override.refused.blocking',
  'no-such-issue': 'override.refused.noSuchIssue',
  'reason-required': 'override.refused.reasonRequired',
};

function overrideProblemOf(error: unknown): MessageKey {
  if (!(error instanceof NewsdeskError)) return errorKey('INTERNAL');
  if (error.code !== 'OVERRIDE_REFUSED') return errorKey(error.code);
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : '';
  return OVERRIDE_REFUSAL_KEYS[reason] ?? errorKey('OVERRIDE_REFUSED');
}
