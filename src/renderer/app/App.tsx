import { useCallback, useEffect, useState } from 'react';
import { keepFilesFromNavigating } from './keepFilesFromNavigating';
import type { Article, ArticleSummary } from '../../shared/model/Article';
import { NewsdeskError } from '../../shared/errors';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticleList } from '../queue/ArticleList';
import { ImportTextButton } from '../editor/import/ImportTextButton';
import { SearchPanel } from '../search/SearchPanel';
import { ProfileSettings } from '../settings/ProfileSettings';
import { bridge, type Bridge } from './bridge';
import { useI18n } from './i18n';
import { StoreNotices } from './StoreNotices';
import { errorKey, type MessageKey } from './messages';

export function App() {
  const { t } = useI18n();
  if (!bridge) {
    return (
      <main className="nd-fatal" role="alert">
        {t('app.noToken')}
      </main>
    );
  }
  return <Workspace bridge={bridge} />;
}

function Workspace({ bridge }: { bridge: Bridge }) {
  const { t, locale, setLocale } = useI18n();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [open, setOpen] = useState<Article | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const report = useCallback((error: unknown) => {
    setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
  }, []);

  const refresh = useCallback(() => {
    bridge.invoke('articles.list', {}).then(setArticles, report);
  }, [bridge, report]);

  useEffect(() => {
    refresh();
    return bridge.on('articles.changed', refresh);
  }, [bridge, refresh]);

  const select = useCallback(
    (id: string) => {
      bridge.invoke('articles.get', { id }).then(setOpen, report);
    },
    [bridge, report],
  );

  const create = useCallback(() => {
    bridge.invoke('articles.create', {}).then((article) => {
      setOpen(article);
      refresh();
    }, report);
  }, [bridge, refresh, report]);

  useEffect(() => keepFilesFromNavigating(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [create]);

  return (
    <div className="nd-app">
      <header className="nd-top">
        <h1>{t('app.title')}</h1>
        <ProfileSettings bridge={bridge} />
        <label className="nd-lang">
          {t('app.language')}{' '}
          <select
            value={locale}
            onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'vi')}
            data-testid="language"
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      {problem && (
        <div className="nd-problem" role="alert" onClick={() => setProblem(null)}>
          {t(problem)}
        </div>
      )}
      <StoreNotices bridge={bridge} />
      <div className="nd-main">
        <div className="nd-search-column">
          <SearchPanel bridge={bridge} onOpen={select} />
          <ArticleList bridge={bridge} articles={articles} selectedId={open?.id ?? null} onSelect={select} onCreate={create} />
          <ImportTextButton
            bridge={bridge}
            onImported={(article) => {
              setOpen(article);
              refresh();
            }}
          />
        </div>
        {open ? (
          // Keyed by rev too: after a state change the editor restarts from the new rev.
          <ArticleEditor
            key={`${open.id}@${open.rev}`}
            bridge={bridge}
            article={open}
            onSaved={() => undefined}
            onTransitioned={setOpen}
          />
        ) : (
          <p className="nd-empty nd-editor">{t('articles.selectPrompt')}</p>
        )}
      </div>
    </div>
  );
}
