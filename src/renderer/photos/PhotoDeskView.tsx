import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Photo } from '../../shared/model/Photo';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { CaptionForm, type CaptionFormHandle } from './CaptionForm';
import { filterPhotos, NO_FILTER, photoDays, type PhotoFilter } from './filterPhotos';
import { PhotoGrid } from './PhotoGrid';
import { PhotoImportButton } from './PhotoImportButton';
import { PhotoUrls } from './PhotoUrls';
import './photos.css';

/** Merges changed records into the list: known ids replaced in place, new ones appended. */
function patchPhotos(current: Photo[], changed: readonly Photo[]): Photo[] {
  const byId = new Map(changed.map((photo) => [photo.id, photo]));
  const next = current.map((photo) => byId.get(photo.id) ?? photo);
  const known = new Set(current.map((photo) => photo.id));
  for (const photo of changed) if (!known.has(photo.id)) next.push(photo);
  return next;
}

/** The photo desk: import, a grid of every photo with filters, and the caption form of the active one. */
export function PhotoDeskView({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const urls = useMemo(() => new PhotoUrls(bridge), [bridge]);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [filter, setFilter] = useState<PhotoFilter>(NO_FILTER);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const form = useRef<CaptionFormHandle>(null);
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    // Changes that arrive while the list is in flight are applied to its answer too.
    const missed: Photo[][] = [];
    const off = bridge.on('photos.changed', ({ photos: changed }) => {
      missed.push(changed);
      setPhotos((current) => patchPhotos(current, changed));
    });
    bridge.invoke('photos.list', {}).then(
      (list) => {
        if (!live) return;
        setPhotos(missed.reduce(patchPhotos, list));
        setLoaded(true);
      },
      (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL')),
    );
    return () => {
      live = false;
      off();
    };
  }, [bridge]);

  const shown = useMemo(() => filterPhotos(photos, filter), [photos, filter]);
  const days = useMemo(() => photoDays(photos), [photos]);
  const activeIndex = Math.max(0, shown.findIndex((photo) => photo.id === activeId));
  const active = shown[activeIndex] ?? null;

  const activate = useCallback(
    async (index: number) => {
      const next = shown[index];
      if (!next || next.id === active?.id) return;
      // What was typed for the photo being left is saved first; a failure keeps it open.
      if (form.current && !(await form.current.apply())) return;
      setActiveId(next.id);
    },
    [shown, active],
  );

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const editNext = useCallback(() => {
    const next = shown[activeIndex + 1];
    if (next) setActiveId(next.id);
    // The next photo's form mounts with the same field focused: typing goes on.
    requestAnimationFrame(() => form.current?.focusCaption());
  }, [shown, activeIndex]);

  return (
    <div className="nd-photo-desk" data-testid="photo-desk">
      <div className="nd-photo-bar">
        <h2>{t('photos.heading')}</h2>
        <PhotoImportButton bridge={bridge} />
        <fieldset className="nd-photo-filters">
          <legend className="nd-visually-hidden">{t('photos.filters')}</legend>
          <label>
            <input type="checkbox" checked={filter.needsCaption} onChange={(event) => setFilter({ ...filter, needsCaption: event.target.checked })} data-testid="filter-needs-caption" />
            {t('photos.filterNeedsCaption')}
          </label>
          <label>
            <input type="checkbox" checked={filter.problems} onChange={(event) => setFilter({ ...filter, problems: event.target.checked })} data-testid="filter-problems" />
            {t('photos.filterProblems')}
          </label>
          <label>
            {t('photos.filterDay')}{' '}
            <select value={filter.day} onChange={(event) => setFilter({ ...filter, day: event.target.value })} data-testid="filter-day">
              <option value="">{t('photos.allDays')}</option>
              {days.map((day) => (
                <option key={day} value={day}>
                  {day}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <span className="nd-photo-count" data-testid="photo-count">
          {t('photos.count', { shown: shown.length, total: photos.length, selected: selected.size })}
        </span>
      </div>
      {problem && (
        <p role="alert" className="nd-problem">
          {t(problem)}
        </p>
      )}
      <div className="nd-photo-body" ref={grid}>
        {loaded && photos.length === 0 ? (
          <p className="nd-empty nd-photo-grid">{t('photos.empty')}</p>
        ) : (
          <PhotoGrid
            photos={shown}
            urls={urls}
            active={activeIndex}
            selected={selected}
            onActivate={(index) => void activate(index)}
            onToggle={toggle}
            onSelectAll={() => setSelected(new Set(shown.map((photo) => photo.id)))}
            onEdit={() => form.current?.focusCaption()}
          />
        )}
        {active ? (
          <CaptionForm
            key={active.id}
            handle={form}
            bridge={bridge}
            urls={urls}
            photo={active}
            onNext={editNext}
            onLeave={() => grid.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()}
          />
        ) : (
          <p className="nd-empty nd-caption-form">{t('photos.selectPrompt')}</p>
        )}
      </div>
    </div>
  );
}
