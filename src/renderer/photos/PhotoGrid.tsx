import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Photo } from '../../shared/model/Photo';
import { useI18n } from '../app/i18n';
import { useWindowedRows } from '../queue/useWindowedRows';
import { photoIssues } from './photoIssues';
import { PhotoImage } from './PhotoImage';
import type { PhotoUrls } from './PhotoUrls';

const CELL_WIDTH = 168;
const CELL_HEIGHT = 178;

export interface PhotoGridProps {
  photos: readonly Photo[];
  urls: PhotoUrls;
  active: number;
  selected: ReadonlySet<string>;
  onActivate(index: number): void;
  onToggle(id: string): void;
  onSelectAll(): void;
  /** Enter, or a printable key: to the caption form (the key is typed there). */
  onEdit(): void;
}

/**
 * The desk's grid: fixed-size cells in rows, only the rows in view in the DOM (the queue's
 * windowing), so 2,000 photos scroll as smoothly as 20. One tab stop; arrows move, Space selects,
 * Ctrl+A selects all shown, Enter or typing goes to the caption form.
 */
export function PhotoGrid({ photos, urls, active, selected, onActivate, onToggle, onSelectAll, onEdit }: PhotoGridProps) {
  const { t } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setColumns(Math.max(1, Math.floor((element.clientWidth || CELL_WIDTH * 4) / CELL_WIDTH)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const rows = Math.ceil(photos.length / columns);
  const window = useWindowedRows(viewport, rows, CELL_HEIGHT);
  const { reveal } = window;
  useEffect(() => {
    if (active >= 0) reveal(Math.floor(active / columns));
  }, [active, columns, reveal]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = photos.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      onActivate(Math.max(0, Math.min(last, to)));
    };
    if (event.key === 'ArrowRight') return move(active + 1);
    if (event.key === 'ArrowLeft') return move(active - 1);
    if (event.key === 'ArrowDown') return move(active + columns);
    if (event.key === 'ArrowUp') return move(active - columns);
    if (event.key === 'Home') return move(0);
    if (event.key === 'End') return move(last);
    const photo = photos[active];
    if (!photo) return;
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(photo.id);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEdit();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Not prevented: the caption field takes the focus now and the character with it.
      onEdit();
    }
  };

  const cells = [];
  for (let index = window.start * columns; index < Math.min(photos.length, window.end * columns); index += 1) {
    const photo = photos[index]!;
    const issues = photoIssues(photo);
    const blocking = issues.some((issue) => issue.severity === 'blocking');
    cells.push(
      <div
        key={photo.id}
        id={`nd-photo-${photo.id}`}
        role="option"
        aria-selected={selected.has(photo.id)}
        data-testid="photo-cell"
        data-photo-name={photo.name}
        className={`nd-photo-cell${index === active ? ' nd-photo-active' : ''}`}
        style={{ top: Math.floor(index / columns) * CELL_HEIGHT, left: (index % columns) * CELL_WIDTH }}
        onClick={(event) => {
          onActivate(index);
          if (event.ctrlKey || event.metaKey || event.shiftKey) onToggle(photo.id);
        }}
        onDoubleClick={onEdit}
      >
        <PhotoImage urls={urls} id={photo.id} rendition="thumb" alt={photo.fields.alt || photo.name} className="nd-photo-thumb" />
        <span className="nd-photo-name">
          {issues.length > 0 && (
            <span className={blocking ? 'nd-photo-flag nd-photo-flag-bad' : 'nd-photo-flag'} title={t('photos.issues', { count: issues.length })}>
              {blocking ? '●' : '▲'} <span className="nd-visually-hidden">{t('photos.issues', { count: issues.length })}</span>
            </span>
          )}
          {photo.name}
        </span>
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="nd-photo-grid"
      role="listbox"
      aria-multiselectable="true"
      aria-label={t('photos.grid')}
      aria-activedescendant={photos[active] ? `nd-photo-${photos[active].id}` : undefined}
      tabIndex={0}
      data-testid="photo-grid"
      onScroll={window.onScroll}
      onKeyDown={onKeyDown}
    >
      <div className="nd-photo-canvas" style={{ height: window.totalHeight }}>
        {cells}
      </div>
    </div>
  );
}
