import type { ArticleSummary } from '../../shared/model/Article';
import { useI18n } from '../app/i18n';

interface ArticleListProps {
  articles: ArticleSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  onCreate(): void;
}

export function ArticleList({ articles, selectedId, onSelect, onCreate }: ArticleListProps) {
  const { t } = useI18n();
  return (
    <nav className="nd-list" aria-label={t('articles.heading')}>
      <div className="nd-list-bar">
        <h2>{t('articles.heading')}</h2>
        <button type="button" onClick={onCreate} data-testid="new-article" title="Ctrl+N">
          {t('articles.new')}
        </button>
      </div>
      {articles.length === 0 ? (
        <p className="nd-empty">{t('articles.empty')}</p>
      ) : (
        <ul role="listbox" aria-label={t('articles.heading')}>
          {articles.map((summary) => (
            <li
              key={summary.id}
              role="option"
              aria-selected={summary.id === selectedId}
              tabIndex={0}
              data-testid="article-row"
              onClick={() => onSelect(summary.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onSelect(summary.id);
              }}
            >
              <span className="nd-row-title">{summary.title || t('articles.untitled')}</span>
              <span className="nd-row-meta">
                {t(`state.${summary.state}`)} · {t('articles.words', { count: summary.wordCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
