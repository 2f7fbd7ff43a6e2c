import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useModalDialog } from '../../app/useModalDialog';
import { figuresOf } from '../../../shared/publishChecks/figuresOf';
import type { LexicalState } from '../../../shared/model/Article';
import { useI18n } from '../../app/i18n';
import { useMedia } from '../media/MediaContext';
import { portalDateLine, previewBodyHtml } from './previewBodyHtml';
import './PortalPreview.css';

export interface PortalPreviewProps {
  title: string;
  lead: string;
  byline: string;
  dateline: string;
  publishAt: string | null;
  body: LexicalState;
  /** How many submit rules the article still breaks (the checklist in the editor lists them). */
  issueCount: number;
  onClose(): void;
}

/**
 * The article as the portal will print it: title, date line, lead, body, byline at the end. The
 * article part is in the portal's language whatever the interface language is; the dialog's own
 * words are translated. Read-only: Esc or Close goes back to the text, where focus returns.
 */
export function PortalPreview({ title, lead, byline, dateline, publishAt, body, issueCount, onClose }: PortalPreviewProps) {
  const { t } = useI18n();
  const media = useMedia();
  const dialog = useRef<HTMLDialogElement>(null);
  const [urls, setUrls] = useState<ReadonlyMap<string, string> | null>(null);

  useEffect(() => {
    let live = true;
    const ids = [...new Set(figuresOf(body).map((figure) => figure.assetId).filter((id) => id !== ''))];
    // A photo that cannot be read shows as its alt text; the preview still opens.
    void Promise.all(ids.map((id) => media.urlFor(id).then((url): [string, string] | null => [id, url], () => null))).then((pairs) => {
      if (live) setUrls(new Map(pairs.filter((pair) => pair !== null)));
    });
    return () => {
      live = false;
    };
  }, [body, media]);

  const html = useMemo(() => (urls ? previewBodyHtml(body, (id) => urls.get(id), t('figure.empty')) : ''), [body, urls, t]);

  useModalDialog(dialog);

  // Esc is handled here rather than by the dialog's own cancel, and marked as taken, so focus
  // mode (which also leaves on Esc) stays on.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  // Links are shown, never followed: a click would take the app's own window away.
  const onClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="nd-preview"
      aria-labelledby="nd-preview-heading"
      data-testid="portal-preview"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // A press on the backdrop lands on the <dialog> itself; one inside lands on its content.
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div className="nd-preview-sheet">
        <header className="nd-preview-bar">
          <h2 id="nd-preview-heading">{t('preview.heading')}</h2>
          <button type="button" data-testid="preview-close" onClick={onClose}>
            {t('preview.close')}
          </button>
        </header>
        {issueCount > 0 && (
          <p className="nd-preview-note" data-testid="preview-issues">
            {t('preview.issues', { count: issueCount })}
          </p>
        )}
        {!publishAt && <p className="nd-preview-note">{t('preview.noDate')}</p>}
        <article className="nd-preview-article" lang="vi" aria-busy={urls === null}>
          <h1 data-testid="preview-title">{title.trim() === '' ? t('articles.untitled') : title}</h1>
          {publishAt && (
            <p className="nd-preview-date" data-testid="preview-date">
              {portalDateLine(publishAt)}
            </p>
          )}
          {(lead.trim() !== '' || dateline.trim() !== '') && (
            <p className="nd-preview-lead" data-testid="preview-lead">
              {[dateline.trim(), lead.trim()].filter((part) => part !== '').join(' – ')}
            </p>
          )}
          <div className="nd-preview-body" data-testid="preview-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
          {byline.trim() !== '' && (
            <p className="nd-preview-byline" data-testid="preview-byline">
              {byline}
            </p>
          )}
        </article>
      </div>
    </dialog>
  );
}
