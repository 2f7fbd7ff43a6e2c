import { useContext, useEffect, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Article, ArticleState } from '../../shared/model/Article';
import { PUBLISH_RULES } from '../../shared/publishChecks/rules';
import type { ArticleIssue, FigurePart } from '../../shared/publishChecks/PublishRule';
import { issueText } from '../editor/issueText';
import type { IssuePlace } from '../editor/jumpToIssue';
import { RETURN_NOTE_MAX, availableTransitions, type AvailableTransition } from '../../shared/model/lifecycle';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { useProfile } from '../settings/useProfile';
import { ArticleSyncsContext } from '../sync/ArticleSyncsContext';
import { PortalBadge } from '../sync/PortalBadge';
import { portalBadgeOf } from '../sync/portalBadgeOf';
import './queue.css';

interface LifecycleBarProps {
  bridge: Bridge;
  article: Article;
  /** True while the editor has unsaved or in-flight changes: a transition waits for the save. */
  busy: boolean;
  /** Takes the writer to the field a refused submit named. */
  onJump?: ((place: IssuePlace) => void) | undefined;
}

type RefusedIssue = Pick<ArticleIssue, 'code' | 'message' | 'field' | 'figure' | 'part' | 'link' | 'limit'>;
type Problem = { key: MessageKey; issues?: RefusedIssue[] };

/**
 * The open article's state and the moves the current profile may make, straight from the
 * lifecycle table; the service checks again, so this only decides what is offered.
 */
export function LifecycleBar({ bridge, article, busy, onJump }: LifecycleBarProps) {
  const { t } = useI18n();
  const profile = useProfile(bridge);
  // The editor keeps its article while it is open; a change made elsewhere (bulk spike, another
  // window) updates what this bar shows and offers.
  const [current, setCurrent] = useState(article);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A move asked for while the editor is saving waits for the save, rather than racing it (a
  // button that disables itself under the pointer loses clicks).
  const [queued, setQueued] = useState<{ move: AvailableTransition; note?: string } | null>(null);

  useEffect(() => setCurrent(article), [article]);
  useEffect(
    () =>
      bridge.on('articles.changed', ({ ids, reason }) => {
        if (reason !== 'transitioned' || !ids.includes(article.id)) return;
        bridge.invoke('articles.get', { id: article.id }).then(setCurrent, () => undefined);
      }),
    [bridge, article.id],
  );

  const moves = profile ? availableTransitions(current, profile) : [];
  const syncs = useContext(ArticleSyncsContext);
  // "Đã đăng" is said only when the portal said so (architecture rule 9): the badge stands in for it.
  const portal = portalBadgeOf(current.state, syncs.byId.get(current.id) ?? null, syncs.status?.configured ?? false);

  const run = (move: AvailableTransition, withNote?: string) => {
    setPending(true);
    setProblem(null);
    bridge.invoke('articles.transition', { id: current.id, to: move.to, ...(withNote ? { note: withNote } : {}) }).then(
      (next) => {
        setPending(false);
        setNoteOpen(false);
        setNote('');
        // The editor stays mounted: a state change is no content change, and the store lets the
        // editor's next save through (Article.contentRev), so undo history and caret survive.
        setCurrent(next);
      },
      (error: unknown) => {
        setPending(false);
        setProblem(problemOf(error));
      },
    );
  };

  const request = (move: AvailableTransition, withNote?: string) => {
    if (busy) setQueued({ move, ...(withNote ? { note: withNote } : {}) });
    else run(move, withNote);
  };

  useEffect(() => {
    if (busy || !queued) return;
    setQueued(null);
    run(queued.move, queued.note);
    // run is recreated each render; the queue only needs to react to busy and queued.
  }, [busy, queued]);

  return (
    <section className="nd-lifecycle" aria-label={t('lifecycle.heading')} data-testid="lifecycle-bar">
      <span
        className={portal.replacesChip && portal.badge ? 'nd-state nd-state-portal' : `nd-state nd-state-${current.state}`}
        data-testid="article-state"
        data-state={current.state}
      >
        {portal.replacesChip && portal.badge ? <PortalBadge badge={portal.badge} /> : t(`state.${current.state}`)}
      </span>
      <div className="nd-lifecycle-actions">
        {moves.map((move) => (
          <button
            key={move.to}
            type="button"
            className={move.action === 'spike' ? 'nd-danger' : undefined}
            data-testid={`transition-${move.action}`}
            data-to={move.to}
            disabled={pending || queued !== null}
            onClick={() => (move.needs === 'note' ? setNoteOpen(true) : request(move))}
          >
            {t(actionKey(move, current.state))}
          </button>
        ))}
      </div>
      {noteOpen && (
        <form
          className="nd-return-form"
          onSubmit={(event) => {
            event.preventDefault();
            const move = moves.find((candidate) => candidate.needs === 'note');
            if (move && note.trim()) request(move, note.normalize('NFC'));
          }}
        >
          <label>
            {t('lifecycle.notePrompt')}
            <textarea
              data-testid="return-note-input"
              value={note}
              maxLength={RETURN_NOTE_MAX}
              required
              autoFocus
              lang="vi"
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <div className="nd-lifecycle-actions">
            <button type="submit" data-testid="return-confirm" disabled={pending || queued !== null || !note.trim()}>
              {t('lifecycle.confirmReturn')}
            </button>
            <button type="button" className="nd-secondary" onClick={() => setNoteOpen(false)}>
              {t('lifecycle.cancel')}
            </button>
          </div>
        </form>
      )}
      {queued && (
        <span className="nd-lifecycle-waiting" role="status">
          {t('lifecycle.busy')}
        </span>
      )}
      {current.returnNote && (
        <blockquote className="nd-return-note" data-testid="return-note">
          <strong>{t('lifecycle.returnNote')}</strong> {current.returnNote}
        </blockquote>
      )}
      {current.state === 'spiked' && current.spikedFrom && (
        <span className="nd-spiked-from">{t('lifecycle.spikedFrom', { state: t(`state.${current.spikedFrom}`) })}</span>
      )}
      {problem && (
        <div role="alert" className="nd-lifecycle-problem" data-testid="lifecycle-problem">
          {t(problem.key)}
          {problem.issues && (
            <ul>
              {problem.issues.map((issue, index) => (
                <li key={index} data-code={issue.code}>
                  {onJump ? (
                    <button
                      type="button"
                      className="nd-rule-jump"
                      data-testid="problem-jump"
                      aria-label={t('rules.jump', { issue: issueText(t, issue) })}
                      onClick={() => onJump(issue)}
                    >
                      {issueText(t, issue)}
                    </button>
                  ) : (
                    issueText(t, issue)
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function actionKey(move: AvailableTransition, from: ArticleState): MessageKey {
  if (move.action === 'submit' && from === 'returned') return 'lifecycle.action.resubmit';
  return `lifecycle.action.${move.action}`;
}

const REFUSAL_KEYS: Record<string, MessageKey> = {
  'no-edge': 'lifecycle.refused.noEdge',
  'not-allowed': 'lifecycle.refused.notAllowed',
  'note-required': 'lifecycle.refused.noteRequired',
  'publish-at-required': 'lifecycle.refused.publishAtRequired',
  incomplete: 'lifecycle.refused.incomplete',
};

const FIGURE_PARTS: readonly FigurePart[] = ['photo', 'caption', 'alt', 'credit'];

function problemOf(error: unknown): Problem {
  if (!(error instanceof NewsdeskError)) return { key: errorKey('INTERNAL') };
  if (error.code !== 'INVALID_TRANSITION') return { key: errorKey(error.code) };
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : '';
  const key = REFUSAL_KEYS[reason] ?? errorKey('INVALID_TRANSITION');
  const raw = Array.isArray(error.details?.issues) ? (error.details.issues as unknown[]) : [];
  const issues = raw.flatMap((item): RefusedIssue[] => {
    const value = item as { code?: unknown; figure?: unknown; part?: unknown; link?: unknown; limit?: unknown } | null;
    // The service names its issues by rule id; the rule gives their words and field.
    const rule = PUBLISH_RULES.find((known) => known.id === value?.code);
    if (!rule) return [];
    const number = (field: unknown) => (typeof field === 'number' ? field : undefined);
    const part = FIGURE_PARTS.find((known) => known === value?.part);
    return [{ code: rule.id, message: rule.message, field: rule.field, figure: number(value?.figure), part, link: number(value?.link), limit: number(value?.limit) }];
  });
  return issues.length > 0 ? { key, issues } : { key };
}
