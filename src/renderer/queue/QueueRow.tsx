import { memo, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../shared/model/Article';
import type { ArticleSync } from '../../shared/model/SyncStatus';
import { useI18n } from '../app/i18n';
import { PortalBadge } from '../sync/PortalBadge';
import { portalBadgeOf } from '../sync/portalBadgeOf';

interface QueueRowProps {
  summary: ArticleSummary;
  /** Position in the filtered, sorted list (0-based). */
  index: number;
  /** Rows in the filtered list: screen readers announce "row 5,012 of 9,683" from it. */
  setSize: number;
  rowHeight: number;
  selected: boolean;
  /** Open in the editor. */
  current: boolean;
  /** The keyboard cursor (aria-activedescendant names it). */
  focused: boolean;
  /** Its standing with the portal (null: the portal never heard of it), and whether one is signed in. */
  sync: ArticleSync | null;
  configured: boolean;
  onClick(event: MouseEvent, id: string): void;
}

/**
 * One row of the queue. Memoised: while the list scrolls only the rows entering the window render;
 * the ones already drawn keep their element and are not rendered again (the props stay equal).
 */
export const QueueRow = memo(function QueueRow({ summary, index, setSize, rowHeight, selected, current, focused, sync, configured, onClick }: QueueRowProps) {
  const { t } = useI18n();
  const portal = portalBadgeOf(summary.state, sync, configured);
  return (
    <div
      id={queueRowDomId(summary.id)}
      role="option"
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={focused ? 'nd-row nd-row-focus' : 'nd-row'}
      style={{ top: index * rowHeight, height: rowHeight }}
      data-testid="article-row"
      data-id={summary.id}
      data-state={summary.state}
      data-index={index}
      onMouseDown={(event) => {
        // Shift+click extends the selection; it must not also select text.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => onClick(event, summary.id)}
    >
      <span className="nd-row-title">{summary.title || t('articles.untitled')}</span>
      <span className="nd-row-meta">
        {portal.replacesChip && portal.badge ? (
          <PortalBadge badge={portal.badge} asChip />
        ) : (
          <span className={`nd-state nd-state-${summary.state}`}>{t(`state.${summary.state}`)}</span>
        )}
        {!portal.replacesChip && portal.badge && (
          <>
            {' '}
            <PortalBadge badge={portal.badge} />
          </>
        )}
        {summary.byline && ` · ${summary.byline}`}
        {summary.category && ` · ${summary.category}`} · {t('articles.words', { count: summary.wordCount })}
      </span>
    </div>
  );
});

export function queueRowDomId(id: string): string {
  return `queue-row-${id}`;
}
