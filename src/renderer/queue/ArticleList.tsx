import { useCallback, useContext, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { ArticleSummary } from '../../shared/model/Article';
import type { BulkAction } from '../../shared/model/BulkResult';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { QueueFilters } from './QueueFilters';
import { QueueRow, queueRowDomId } from './QueueRow';
import { buildQueueView, EMPTY_FILTER, type QueueFilter, type QueueSort, type StateFilter } from './queueView';
import { clickRow, EMPTY_SELECTION, moveFocus, selectAll, selectedInOrder, type Selection } from './selection';
import { StateChips } from './StateChips';
import { useWindowedRows } from './useWindowedRows';
import { downloadJson } from './downloadJson';
import { ArticleSyncsContext } from '../sync/ArticleSyncsContext';
import { unconfirmedCounts } from '../sync/unconfirmedCounts';
import './queue.css';

/** Fixed, so windowing is exact arithmetic; matches .nd-row's height in queue.css. */
export const ROW_HEIGHT = 56;
const PAGE_ROWS = 10;

interface ArticleListProps {
  bridge: Bridge;
  articles: ArticleSummary[];
  /** The article open in the editor. */
  selectedId: string | null;
  onSelect(id: string): void;
  onCreate(): void;
}

type Notice = { key: MessageKey; params?: Record<string, string | number>; bad?: boolean };

/**
 * The queue: counts per state, filters, sort, a windowed list (only the rows in view are in the
 * DOM, whatever the queue's length), multi-select and bulk spike / restore / export.
 */
export function ArticleList({ bridge, articles, selectedId, onSelect, onCreate }: ArticleListProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<QueueFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<QueueSort>('updated');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [working, setWorking] = useState(false);
  const viewport = useRef<HTMLDivElement>(null);

  const view = useMemo(() => buildQueueView(articles, filter, sort), [articles, filter, sort]);
  const syncs = useContext(ArticleSyncsContext);
  const configured = syncs.status?.configured ?? false;
  const unconfirmed = useMemo(() => unconfirmedCounts(articles, syncs.byId, configured), [articles, syncs.byId, configured]);
  const order = useMemo(() => view.rows.map((row) => row.id), [view.rows]);
  const chosen = useMemo(() => selectedInOrder(selection, order), [selection, order]);
  const rows = useWindowedRows(viewport, view.rows.length, ROW_HEIGHT);

  const focusIndex = selection.focus === null ? -1 : order.indexOf(selection.focus);

  const apply = useCallback(
    (next: Selection) => {
      setSelection(next);
      if (next.focus !== null) rows.reveal(order.indexOf(next.focus));
    },
    [order, rows],
  );

  // Stable while scrolling (order and onSelect only change with the list), so rows can skip rendering.
  const onRowClick = useCallback(
    (event: MouseEvent, id: string) => {
      const toggle = event.ctrlKey || event.metaKey;
      const range = event.shiftKey;
      setSelection((previous) => clickRow(previous, order, id, { toggle, range }));
      viewport.current?.focus({ preventScroll: true });
      if (!toggle && !range) onSelect(id);
    },
    [order, onSelect],
  );
  const onStateChange = useCallback((state: StateFilter) => setFilter((previous) => ({ ...previous, state })), []);

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    const move = (delta: number) => {
      event.preventDefault();
      apply(moveFocus(selection, order, delta, event.shiftKey));
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(1);
      case 'ArrowUp':
        return move(-1);
      case 'PageDown':
        return move(PAGE_ROWS);
      case 'PageUp':
        return move(-PAGE_ROWS);
      case 'Home':
        return move(-order.length);
      case 'End':
        return move(order.length);
      case 'Enter':
        if (selection.focus !== null && order.includes(selection.focus)) {
          event.preventDefault();
          onSelect(selection.focus);
        }
        return;
      case ' ':
        if (selection.focus !== null) {
          event.preventDefault();
          setSelection(clickRow(selection, order, selection.focus, { toggle: true, range: false }));
        }
        return;
      case 'Escape':
        setSelection(EMPTY_SELECTION);
        return;
      default:
        if (mod && event.key.toLowerCase() === 'a') {
          event.preventDefault();
          setSelection(selectAll(selection, order));
        }
    }
  };

  const bulk = (action: BulkAction) => {
    setWorking(true);
    setNotice(null);
    bridge.invoke('articles.bulk', { ids: chosen, action }).then(
      (results) => {
        setWorking(false);
        const done = results.filter((result) => result.ok).length;
        const failed = results.length - done;
        setNotice(
          failed === 0
            ? { key: `queue.bulk.${action}Done`, params: { count: done } }
            : { key: 'queue.bulk.partial', params: { done, failed }, bad: true },
        );
      },
      (error: unknown) => {
        setWorking(false);
        setNotice({ key: errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'), bad: true });
      },
    );
  };

  const exportChosen = () => {
    setWorking(true);
    setNotice(null);
    bridge.invoke('articles.export', { ids: chosen }).then(
      (bundle) => {
        setWorking(false);
        downloadJson(bundle, `newsdesk-${bundle.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`);
        setNotice({ key: 'queue.exported', params: { count: bundle.articles.length } });
      },
      (error: unknown) => {
        setWorking(false);
        setNotice({ key: errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'), bad: true });
      },
    );
  };

  // The keyboard's row stays in the DOM even when scrolled out of the window (wheel, scrollbar):
  // aria-activedescendant must always name an element, or screen readers lose their place.
  const drawn: number[] = [];
  if (focusIndex >= 0 && focusIndex < rows.start) drawn.push(focusIndex);
  for (let index = rows.start; index < rows.end; index += 1) drawn.push(index);
  if (focusIndex >= rows.end) drawn.push(focusIndex);

  /** Tabbing in with no keyboard row yet: the first row in view gets it, so there is something to announce. */
  const onFocus = (event: FocusEvent) => {
    if (event.target !== event.currentTarget || focusIndex >= 0 || order.length === 0) return;
    const element = viewport.current;
    const first = element ? Math.min(order.length - 1, Math.ceil(element.scrollTop / ROW_HEIGHT)) : 0;
    setSelection({ ...selection, focus: order[first]! });
  };
  return (
    <nav className="nd-list nd-queue" aria-label={t('articles.heading')}>
      <div className="nd-list-bar">
        <h2>{t('articles.heading')}</h2>
        <button type="button" onClick={onCreate} data-testid="new-article" title="Ctrl+N">
          {t('articles.new')}
        </button>
      </div>
      <StateChips counts={view.counts} unconfirmed={unconfirmed} value={filter.state} onChange={onStateChange} />
      <QueueFilters filter={filter} sort={sort} categories={view.categories} onFilter={setFilter} onSort={setSort} />
      {chosen.length > 0 && (
        <div className="nd-bulk" role="toolbar" aria-label={t('queue.bulk.label')} data-testid="bulk-bar">
          <span data-testid="selected-count" data-count={chosen.length}>
            {t('queue.selected', { count: chosen.length })}
          </span>
          <button type="button" className="nd-danger" data-testid="bulk-spike" disabled={working} onClick={() => bulk('spike')}>
            {t('queue.bulk.spike')}
          </button>
          <button type="button" data-testid="bulk-restore" disabled={working} onClick={() => bulk('restore')}>
            {t('queue.bulk.restore')}
          </button>
          <button type="button" data-testid="bulk-export" disabled={working} onClick={exportChosen}>
            {t('queue.bulk.export')}
          </button>
          <button type="button" className="nd-secondary" onClick={() => setSelection(EMPTY_SELECTION)}>
            {t('queue.bulk.clear')}
          </button>
        </div>
      )}
      {notice && (
        <p className={notice.bad ? 'nd-queue-notice nd-queue-notice-bad' : 'nd-queue-notice'} role="status" data-testid="queue-notice">
          {t(notice.key, notice.params)}
        </p>
      )}
      {articles.length === 0 ? (
        <p className="nd-empty">{t('articles.empty')}</p>
      ) : view.rows.length === 0 ? (
        <p className="nd-empty">{t('queue.noMatch')}</p>
      ) : null}
      <div
        ref={viewport}
        className="nd-queue-viewport"
        role="listbox"
        aria-label={t('articles.heading')}
        aria-multiselectable="true"
        aria-activedescendant={focusIndex >= 0 ? queueRowDomId(order[focusIndex]!) : undefined}
        tabIndex={0}
        data-testid="queue-list"
        data-rows={view.rows.length}
        hidden={view.rows.length === 0}
        onScroll={rows.onScroll}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div role="presentation" className="nd-queue-canvas" style={{ height: rows.totalHeight }}>
          {drawn.map((index) => {
            const summary = view.rows[index]!;
            return (
              <QueueRow
                key={summary.id}
                summary={summary}
                index={index}
                setSize={view.rows.length}
                rowHeight={ROW_HEIGHT}
                selected={selection.selected.has(summary.id)}
                current={summary.id === selectedId}
                focused={index === focusIndex}
                sync={syncs.byId.get(summary.id) ?? null}
                configured={configured}
                onClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </nav>
  );
}
