import { useCallback, useEffect, useRef, useState } from 'react';
import { keepFilesFromNavigating } from './keepFilesFromNavigating';
import type { EventPayload } from '../../shared/contract';
import type { Article, ArticleSummary } from '../../shared/model/Article';
import { NewsdeskError } from '../../shared/errors';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticleList } from '../queue/ArticleList';
import { patchSummaries } from '../queue/patchSummaries';
import { ImportTextButton } from '../editor/import/ImportTextButton';
import { PhotoDeskView } from '../photos/PhotoDeskView';
import { SearchPanel } from '../search/SearchPanel';
import { ProfileSettings } from '../settings/ProfileSettings';
import { bridge, type Bridge } from './bridge';
import { useI18n } from './i18n';
import { StoreNotices } from './StoreNotices';
import { errorKey, type MessageKey } from './messages';
import { AccountButton } from '../sync/AccountButton';
import { ArticleSyncsProvider } from '../sync/ArticleSyncsProvider';
import { SyncStatusBar } from '../sync/SyncStatusBar';

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

type ArticlesChanged = EventPayload<'articles.changed'>;

function Workspace({ bridge }: { bridge: Bridge }) {
  const { t, locale, setLocale } = useI18n();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [open, setOpen] = useState<Article | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [view, setView] = useState<'articles' | 'photos'>('articles');

  const report = useCallback((error: unknown) => {
    setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
  }, []);

  // The whole list (10,000 summaries, ~2 MB) is fetched at start and after a 'reloaded'; every other
  // change arrives as an event carrying the changed summaries, patched in. A change that arrives
  // while a listing is in flight is applied to that listing's answer too: it may predate the change.
  const listings = useRef(new Set<ArticlesChanged[]>());
  const refresh = useCallback(() => {
    const missed: ArticlesChanged[] = [];
    listings.current.add(missed);
    bridge.invoke('articles.list', {}).then(
      (list) => {
        listings.current.delete(missed);
        setArticles(missed.reduce<ArticleSummary[]>((acc, change) => patchSummaries(acc, change), list));
      },
      (error: unknown) => {
        listings.current.delete(missed);
        report(error);
      },
    );
  }, [bridge, report]);

  useEffect(() => {
    refresh();
    return bridge.on('articles.changed', (change) => {
      if (change.reason === 'reloaded') return refresh();
      for (const missed of listings.current) missed.push(change);
      setArticles((current) => patchSummaries(current, change));
    });
  }, [bridge, refresh]);

  const select = useCallback(
    (id: string) => {
      bridge.invoke('articles.get', { id }).then(setOpen, report);
    },
    [bridge, report],
  );

  const create = useCallback(() => {
    // The queue learns of the new article from its 'created' event.
    bridge.invoke('articles.create', {}).then(setOpen, report);
  }, [bridge, report]);

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
    <ArticleSyncsProvider bridge={bridge}>
      <div className="nd-app">
        <header className="nd-top">
          <h1>{t('app.title')}</h1>
          <div className="nd-view-tabs" role="tablist" aria-label={t('view.tabs')}>
            {(['articles', 'photos'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={view === name}
                aria-controls={`nd-view-${name}`}
                data-testid={`view-${name}`}
                onClick={() => setView(name)}
              >
                {t(name === 'articles' ? 'view.articles' : 'view.photos')}
              </button>
            ))}
          </div>
          <AccountButton bridge={bridge} />
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
        {/* The articles stay mounted behind the photo desk: the open editor keeps its text, caret
            and undo history, and never reopens from an older rev than it saved. */}
        {view === 'photos' && (
          <div className="nd-main" id="nd-view-photos" role="tabpanel">
            <PhotoDeskView bridge={bridge} />
          </div>
        )}
        <div className="nd-main" id="nd-view-articles" role="tabpanel" hidden={view !== 'articles'}>
          <div className="nd-search-column">
            <SearchPanel bridge={bridge} onOpen={select} />
            <ArticleList bridge={bridge} articles={articles} selectedId={open?.id ?? null} onSelect={select} onCreate={create} />
            <ImportTextButton
              bridge={bridge}
              onImported={setOpen}
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
        <SyncStatusBar bridge={bridge} />
      </div>
    </ArticleSyncsProvider>
  );
}
