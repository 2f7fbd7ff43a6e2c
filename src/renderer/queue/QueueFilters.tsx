import { memo } from 'react';
import { useI18n } from '../app/i18n';
import { EMPTY_FILTER, QUEUE_SORTS, type QueueFilter, type QueueSort } from './queueView';

interface QueueFiltersProps {
  filter: QueueFilter;
  sort: QueueSort;
  categories: readonly string[];
  onFilter(next: QueueFilter): void;
  onSort(next: QueueSort): void;
}

/** Memoised: the queue re-renders as it scrolls, the filters only when they change. */
export const QueueFilters = memo(function QueueFilters({ filter, sort, categories, onFilter, onSort }: QueueFiltersProps) {
  const { t } = useI18n();
  const set = (patch: Partial<QueueFilter>) => onFilter({ ...filter, ...patch });
  const filtered = filter.author !== '' || filter.category !== '' || filter.from !== '' || filter.to !== '';
  return (
    <div className="nd-filters" role="search" aria-label={t('queue.filters')}>
      <input
        type="search"
        data-testid="filter-author"
        aria-label={t('queue.author')}
        placeholder={t('queue.authorPlaceholder')}
        value={filter.author}
        lang="vi"
        onChange={(event) => set({ author: event.target.value })}
      />
      <select
        data-testid="filter-category"
        aria-label={t('queue.category')}
        value={filter.category}
        onChange={(event) => set({ category: event.target.value })}
      >
        <option value="">{t('queue.anyCategory')}</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </select>
      <label className="nd-filter-date">
        {t('queue.from')}
        <input type="date" data-testid="filter-from" value={filter.from} max={filter.to || undefined} onChange={(event) => set({ from: event.target.value })} />
      </label>
      <label className="nd-filter-date">
        {t('queue.to')}
        <input type="date" data-testid="filter-to" value={filter.to} min={filter.from || undefined} onChange={(event) => set({ to: event.target.value })} />
      </label>
      <label className="nd-filter-sort">
        {t('queue.sort')}
        <select data-testid="queue-sort" value={sort} onChange={(event) => onSort(event.target.value as QueueSort)}>
          {QUEUE_SORTS.map((option) => (
            <option key={option} value={option}>
              {t(`queue.sort.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button type="button" className="nd-secondary" data-testid="filter-clear" onClick={() => onFilter({ ...EMPTY_FILTER, state: filter.state })}>
          {t('queue.clearFilters')}
        </button>
      )}
    </div>
  );
});
