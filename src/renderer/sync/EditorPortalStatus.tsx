import { useContext, useEffect, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Article, ArticleState } from '../../shared/model/Article';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { ArticleSyncsContext } from './ArticleSyncsContext';
import { ConflictView } from './ConflictView';
import { PortalBadge } from './PortalBadge';
import { portalBadgeOf } from './portalBadgeOf';

interface EditorPortalStatusProps {
  bridge: Bridge;
  article: Article;
  /** Stores what was typed, so the merge's choices are applied to the stored text. */
  saveFirst(): Promise<number>;
  /** After a merge is applied: the article at its new rev, for the editor to reload. */
  onResolved(article: Article): void;
}

/** The open article's standing with the portal, in the editor's status bar, with what it asks of the writer. */
export function EditorPortalStatus({ bridge, article, saveFirst, onResolved }: EditorPortalStatusProps) {
  const { t } = useI18n();
  const syncs = useContext(ArticleSyncsContext);
  // The lifecycle bar moves the article without reloading the editor: follow its state.
  const [state, setState] = useState<ArticleState>(article.state);
  const [merging, setMerging] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => setState(article.state), [article.state]);
  useEffect(
    () =>
      bridge.on('articles.changed', ({ summaries }) => {
        const mine = summaries.find((summary) => summary.id === article.id);
        if (mine) setState(mine.state);
      }),
    [bridge, article.id],
  );

  const report = (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));

  const { badge } = portalBadgeOf(state, syncs.byId.get(article.id) ?? null, syncs.status?.configured ?? false);
  if (!badge) return null;

  const openMerge = () => {
    setProblem(null);
    saveFirst().then(() => setMerging(true), report);
  };

  const afterDelete = (choice: 'recreate' | 'detach') => {
    setWorking(true);
    setProblem(null);
    bridge.invoke('sync.afterPortalDelete', { id: article.id, choice }).then(
      () => setWorking(false),
      (error: unknown) => {
        setWorking(false);
        report(error);
      },
    );
  };

  return (
    <span className="nd-editor-portal" data-testid="editor-portal-status">
      <PortalBadge badge={badge} withLink onConflict={openMerge} />
      {badge.kind === 'deleted' && (
        <span className="nd-portal-deleted" role="group" aria-label={t('portal.deleted.question')}>
          {t('portal.deleted.question')}{' '}
          <button type="button" data-testid="portal-recreate" disabled={working} onClick={() => afterDelete('recreate')}>
            {t('portal.deleted.recreate')}
          </button>{' '}
          <button type="button" className="nd-secondary" data-testid="portal-detach" disabled={working} onClick={() => afterDelete('detach')}>
            {t('portal.deleted.detach')}
          </button>
        </span>
      )}
      {problem && (
        <span role="alert" className="nd-portal-problem">
          {t(problem)}
        </span>
      )}
      {merging && (
        <ConflictView
          bridge={bridge}
          articleId={article.id}
          onResolved={(next) => {
            setMerging(false);
            onResolved(next);
          }}
          onClose={() => setMerging(false)}
        />
      )}
    </span>
  );
}
