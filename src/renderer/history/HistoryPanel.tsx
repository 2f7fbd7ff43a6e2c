import { useEffect, useMemo, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Article } from '../../shared/model/Article';
import type { HistorySnapshot, HistoryVersion } from '../../shared/model/HistoryVersion';
import { diffWords } from '../../shared/text/diffWords';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { DiffView } from './DiffView';
import { textOfArticle } from './textOfArticle';
import './history.css';

interface HistoryPanelProps {
  bridge: Bridge;
  articleId: string;
  /** The editor's text cannot be saved (CONFLICT): a restore would replace it unsaved, so none is offered. */
  conflict: boolean;
  /**
   * Stores the editor's unsaved text first, so it becomes a version of its own (the restore keeps
   * the version it replaces): nothing typed is lost, and restoring it again undoes the restore.
   * Resolves with the stored rev the restore starts from.
   */
  saveFirst(): Promise<number>;
  onRestored(article: Article): void;
  /**
   * True from the moment Restore is pressed until it fails: the editor takes no input meanwhile,
   * because on success it reloads at the restored version and text typed in between would be lost.
   */
  onRestoring?(restoring: boolean): void;
  onClose(): void;
}

/** Kept versions of one article, a word diff of the chosen one against the stored current text, restore. */
export function HistoryPanel({ bridge, articleId, conflict, saveFirst, onRestored, onRestoring, onClose }: HistoryPanelProps) {
  const { t, locale } = useI18n();
  const [versions, setVersions] = useState<HistoryVersion[] | null>(null);
  const [current, setCurrent] = useState<Article | null>(null);
  const [chosen, setChosen] = useState<HistorySnapshot | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [restoring, setRestoring] = useState(false);

  const report = (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));

  useEffect(() => {
    let live = true;
    Promise.all([bridge.invoke('history.list', { id: articleId }), bridge.invoke('articles.get', { id: articleId })]).then(
      ([list, article]) => {
        if (!live) return;
        setVersions(list);
        setCurrent(article);
      },
      (error: unknown) => live && report(error),
    );
    return () => {
      live = false;
    };
  }, [bridge, articleId]);

  const choose = (rev: number) => {
    setProblem(null);
    // The stored text may have moved on since the panel opened (autosave): compare with the latest.
    Promise.all([bridge.invoke('history.get', { id: articleId, rev }), bridge.invoke('articles.get', { id: articleId })]).then(
      ([snapshot, article]) => {
        setChosen(snapshot);
        setCurrent(article);
      },
      report,
    );
  };

  const parts = useMemo(
    () => (chosen && current ? diffWords(textOfArticle(chosen.article), textOfArticle(current)) : null),
    [chosen, current],
  );

  const restore = () => {
    if (!chosen) return;
    setRestoring(true);
    onRestoring?.(true);
    setProblem(null);
    saveFirst()
      .then((baseRev) => bridge.invoke('history.restore', { id: articleId, rev: chosen.rev, baseRev }))
      .then(onRestored, (error: unknown) => {
        setRestoring(false);
        onRestoring?.(false);
        report(error);
      });
  };

  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

  return (
    <aside className="nd-history" data-testid="history-panel" aria-label={t('history.title')}>
      <header className="nd-history-bar">
        <h2>{t('history.title')}</h2>
        <button type="button" data-testid="history-close" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {problem && (
        <p className="nd-history-problem" role="alert">
          {t(problem)}
        </p>
      )}
      {versions && versions.length === 0 && <p className="nd-empty">{t('history.empty')}</p>}
      {versions && versions.length > 0 && (
        <ul className="nd-history-list">
          {versions.map((version) => (
            <li key={version.rev}>
              <button
                type="button"
                data-testid="history-version"
                data-rev={version.rev}
                aria-pressed={chosen?.rev === version.rev}
                onClick={() => choose(version.rev)}
              >
                <strong>{t('history.version', { rev: version.rev })}</strong>{' '}
                <span>{t(`history.reason.${version.reason}`, { from: version.restoredFrom ?? '' })}</span>{' '}
                <span className="nd-history-meta">
                  {when(version.savedAt)} · {t('history.words', { count: version.wordCount })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && parts && (
        <section className="nd-history-diff">
          <h3>{t('history.diffHeading')}</h3>
          <p className="nd-history-legend">{t('history.legend', { rev: chosen.rev })}</p>
          {parts.every((part) => part.op === 'equal') ? <p>{t('history.noChanges')}</p> : <DiffView parts={parts} />}
          <button
            type="button"
            data-testid="history-restore"
            disabled={conflict || restoring}
            title={conflict ? t('history.restoreConflict') : undefined}
            onClick={restore}
          >
            {t('history.restore')}
          </button>
          {conflict && <p className="nd-history-meta">{t('history.restoreConflict')}</p>}
          {restoring && (
            <p className="nd-history-meta" role="status" data-testid="history-restoring">
              {t('history.restoring')}
            </p>
          )}
        </section>
      )}
    </aside>
  );
}
