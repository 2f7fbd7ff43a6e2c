import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { ArticleSummary } from '../../shared/model/Article';
import type { BulkAction } from '../../shared/model/BulkResult';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { QueueFilters } from './QueueFilters';
import { buildQueueView, EMPTY_FILTER, type QueueFilter, type QueueSort } from './queueView';
import { clickRow, EMPTY_SELECTION, moveFocus, selectAll, selectedInOrder, type Selection } from './selection';
import { StateChips } from './StateChips';
import { useWindowedRows } from './useWindowedRows';
import { downloadJson } from './downloadJson';
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

  const onRowClick = (event: MouseEvent, id: string) => {
    const toggle = event.ctrlKey || event.metaKey;
    const range = event.shiftKey;
    setSelection(clickRow(selection, order, id, { toggle, range }));
    viewport.current?.focus({ preventScroll: true });
    if (!toggle && !range) onSelect(id);
  };

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

  const visible = view.rows.slice(rows.start, rows.end);
  return (
    <nav className="nd-list nd-queue" aria-label={t('articles.heading')}>
      <div className="nd-list-bar">
        <h2>{t('articles.heading')}</h2>
        <button type="button" onClick={onCreate} data-testid="new-article" title="Ctrl+N">
          {t('articles.new')}
        </button>
      </div>
      <StateChips counts={view.counts} value={filter.state} onChange={(state) => setFilter({ ...filter, state })} />
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
        aria-activedescendant={focusIndex >= 0 ? rowDomId(order[focusIndex]!) : undefined}
        tabIndex={0}
        data-testid="queue-list"
        data-rows={view.rows.length}
        hidden={view.rows.length === 0}
        onScroll={rows.onScroll}
        onKeyDown={onKeyDown}
      >
        <div role="presentation" className="nd-queue-canvas" style={{ height: rows.totalHeight }}>
          {visible.map((summary, offset) => {
            const index = rows.start + offset;
            return (
              <div
                key={summary.id}
                id={rowDomId(summary.id)}
                role="option"
                aria-selected={selection.selected.has(summary.id)}
                aria-current={summary.id === selectedId ? 'true' : undefined}
                aria-posinset={index + 1}
                aria-setsize={view.rows.length}
                className={index === focusIndex ? 'nd-row nd-row-focus' : 'nd-row'}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                data-testid="article-row"
                data-id={summary.id}
                data-state={summary.state}
                data-index={index}
                onMouseDown={(event) => {
                  // Shift+click extends the selection; it must not also select text.
                  if (event.shiftKey) event.preventDefault();
                }}
                onClick={(event) => onRowClick(event, summary.id)}
              >
                <span className="nd-row-title">{summary.title || t('articles.untitled')}</span>
                <span className="nd-row-meta">
                  <span className={`nd-state nd-state-${summary.state}`}>{t(`state.${summary.state}`)}</span>
                  {summary.byline && ` · ${summary.byline}`}
                  {summary.category && ` · ${summary.category}`} · {t('articles.words', { count: summary.wordCount })}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}

function rowDomId(id: string): string {
  return `queue-row-${id}`;
}
