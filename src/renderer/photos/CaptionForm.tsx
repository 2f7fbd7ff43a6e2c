import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { CaptionField } from '../../shared/captionLint/CaptionRule';
import { lintCaption } from '../../shared/captionLint/lintCaption';
import { NewsdeskError } from '../../shared/errors';
import type { Photo, PhotoFields } from '../../shared/model/Photo';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { PhotoImage } from './PhotoImage';
import type { PhotoUrls } from './PhotoUrls';

type FormFields = Pick<PhotoFields, 'caption' | 'alt' | 'credit' | 'city' | 'province' | 'country'> & { date: string };

function formOf(photo: Photo): FormFields {
  const { caption, alt, credit, city, province, country, dateTaken } = photo.fields;
  return { caption, alt, credit, city, province, country, date: dateTaken?.slice(0, 10) ?? '' };
}

export interface CaptionFormHandle {
  focusCaption(): void;
  /** Saves what was typed (if anything changed); resolves false when it could not be saved. */
  apply(): Promise<boolean>;
}

export interface CaptionFormProps {
  bridge: Bridge;
  urls: PhotoUrls;
  photo: Photo;
  /** Ctrl+Enter: saved, now the next photo. */
  onNext(): void;
  /** Escape: back to the grid. */
  onLeave(): void;
  handle: Ref<CaptionFormHandle>;
}

/**
 * One photo's caption form, with the shared caption lint shown live under the fields it is about.
 * Nothing is kept here beyond the typing: Ctrl+Enter (or Apply, or moving to another photo)
 * saves to the desk's service, which answers with the record it stored.
 */
export function CaptionForm({ bridge, urls, photo, onNext, onLeave, handle }: CaptionFormProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<FormFields>(() => formOf(photo));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState(false);
  const caption = useRef<HTMLTextAreaElement>(null);
  const base = useRef(photo);

  // Another window or a batch changed the photo: the form follows unless the user is typing.
  useEffect(() => {
    const untouched = JSON.stringify(form) === JSON.stringify(formOf(base.current));
    if (photo.rev !== base.current.rev && untouched) setForm(formOf(photo));
    if (untouched) base.current = photo;
  }, [photo]);

  const apply = async (): Promise<boolean> => {
    const start = formOf(base.current);
    if (JSON.stringify(form) === JSON.stringify(start)) return true;
    const { date, ...text } = form;
    const previous = base.current.fields.dateTaken;
    const dateTaken = date === '' ? null : previous?.startsWith(date) ? previous : date;
    try {
      const stored = await bridge.invoke('photos.update', { id: base.current.id, baseRev: base.current.rev, fields: { ...text, dateTaken } });
      base.current = stored;
      setProblem(null);
      setSaved(true);
      return true;
    } catch (error) {
      setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
      return false;
    }
  };

  useImperativeHandle(handle, () => ({ focusCaption: () => caption.current?.focus(), apply }));

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void apply().then((ok) => ok && onNext());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void apply().then(onLeave);
    }
  };

  const issues = lintCaption({ caption: form.caption, alt: form.alt, credit: form.credit });
  const issuesOf = (field: CaptionField) =>
    issues
      .filter((issue) => issue.field === field)
      .map((issue) => (
        <li key={issue.code} className={issue.severity === 'blocking' ? 'nd-lint-blocking' : 'nd-lint-warning'} data-testid={`lint-${issue.code}`}>
          {t(`captionLint.${issue.code}`, { limit: issue.details?.limit ?? '' })}
        </li>
      ));
  const set = (field: keyof FormFields) => (event: { target: { value: string } }) => {
    setSaved(false);
    setForm((current) => ({ ...current, [field]: event.target.value }));
  };
  const lintList = (field: CaptionField) => {
    const items = issuesOf(field);
    return items.length ? (
      <ul className="nd-photo-lint" id={`nd-photo-lint-${field}`} aria-live="polite">
        {items}
      </ul>
    ) : null;
  };

  return (
    <form
      className="nd-caption-form"
      aria-label={t('photos.form', { name: photo.name })}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void apply();
      }}
    >
      <PhotoImage urls={urls} id={photo.id} rendition="display" alt={form.alt || photo.name} className="nd-photo-preview" />
      <p className="nd-photo-meta">
        {photo.name} · {photo.width}×{photo.height}
        {photo.hasGps ? ` · ${t('photos.gps')}` : ''}
      </p>
      <label>
        {t('photos.caption')}
        <textarea ref={caption} value={form.caption} onChange={set('caption')} rows={3} data-testid="photo-caption" aria-describedby="nd-photo-lint-caption" />
      </label>
      {lintList('caption')}
      <label>
        {t('photos.alt')}
        <textarea value={form.alt} onChange={set('alt')} rows={2} data-testid="photo-alt" aria-describedby="nd-photo-lint-alt" />
      </label>
      {lintList('alt')}
      <label>
        {t('photos.credit')}
        <input value={form.credit} onChange={set('credit')} placeholder={t('photos.creditPlaceholder')} data-testid="photo-credit" aria-describedby="nd-photo-lint-credit" />
      </label>
      {lintList('credit')}
      <fieldset className="nd-photo-place">
        <legend>{t('photos.place')}</legend>
        <input value={form.city} onChange={set('city')} aria-label={t('photos.city')} placeholder={t('photos.city')} data-testid="photo-city" />
        <input value={form.province} onChange={set('province')} aria-label={t('photos.province')} placeholder={t('photos.province')} />
        <input value={form.country} onChange={set('country')} aria-label={t('photos.country')} placeholder={t('photos.country')} />
      </fieldset>
      <label>
        {t('photos.date')}
        <input type="date" value={form.date} onChange={set('date')} data-testid="photo-date" />
      </label>
      <div className="nd-photo-actions">
        <button type="submit" data-testid="photo-apply">
          {t('photos.apply')}
        </button>
        <span className="nd-photo-hint">{t('photos.applyHint')}</span>
        {saved && <span role="status">{t('photos.saved')}</span>}
        {problem && <span role="alert">{t(problem)}</span>}
      </div>
    </form>
  );
}
