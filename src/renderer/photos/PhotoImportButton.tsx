import { useEffect, useRef, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { PhotoImportOutcome } from '../../shared/model/Photo';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey } from '../app/messages';

/** What the file input offers; the service decides from the bytes, not from this list. */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif,image/avif,.jpg,.jpeg,.png,.webp,.tif,.tiff,.heic,.heif,.avif';

interface Progress {
  done: number;
  total: number;
  current: string | null;
}

type Refused = Extract<PhotoImportOutcome, { kind: 'refused' }>;

/**
 * The desk's import: in the web edition the files picked are sent one by one as binary bodies;
 * on the desktop the main process opens its own dialog (files or a folder) and reports progress
 * as events. Either way: a bar with the count and the current file, a cancel, and afterwards what
 * was refused and why.
 */
export function PhotoImportButton({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<{ imported: number; duplicates: number; refused: Refused[]; cancelled: boolean } | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const batch = useRef<string | null>(null);

  useEffect(
    () =>
      bridge.on('photos.importProgress', (event) => {
        if (event.batchId === batch.current) setProgress({ done: event.done, total: event.total, current: event.current });
      }),
    [bridge],
  );

  const finish = (outcomes: PhotoImportOutcome[], cancelled: boolean) => {
    setProgress(null);
    cancel.current = null;
    batch.current = null;
    setSummary({
      imported: outcomes.filter((o) => o.kind === 'imported').length,
      duplicates: outcomes.filter((o) => o.kind === 'duplicate').length,
      refused: outcomes.filter((o): o is Refused => o.kind === 'refused' && o.reason !== 'cancelled'),
      cancelled,
    });
  };

  const uploadAll = async (files: File[]) => {
    const controller = new AbortController();
    cancel.current = () => controller.abort();
    setSummary(null);
    const outcomes: PhotoImportOutcome[] = [];
    for (const [index, file] of files.entries()) {
      if (controller.signal.aborted) break;
      setProgress({ done: index, total: files.length, current: file.name });
      try {
        outcomes.push(await bridge.uploadPhoto(file, file.name, controller.signal));
      } catch (error) {
        outcomes.push({ kind: 'refused', name: file.name, code: error instanceof NewsdeskError ? error.code : 'INTERNAL', reason: null });
      }
    }
    finish(outcomes, controller.signal.aborted);
  };

  const fromDialog = async (kind: 'files' | 'folders') => {
    const batchId = crypto.randomUUID();
    batch.current = batchId;
    cancel.current = () => void bridge.invoke('photos.importCancel', { batchId });
    setSummary(null);
    setProgress({ done: 0, total: 0, current: null });
    try {
      const result = await bridge.invoke('photos.importDialog', { batchId, kind });
      finish(result.outcomes, result.cancelled);
    } catch (error) {
      finish([{ kind: 'refused', name: '', code: error instanceof NewsdeskError ? error.code : 'INTERNAL', reason: null }], false);
    }
  };

  const busy = progress !== null;
  return (
    <div className="nd-photo-import">
      {bridge.canUploadPhotos ? (
        <>
          <button type="button" disabled={busy} onClick={() => input.current?.click()} data-testid="photo-import">
            {t('photos.import')}
          </button>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            data-testid="photo-import-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) void uploadAll(files);
            }}
          />
        </>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => void fromDialog('files')} data-testid="photo-import">
            {t('photos.import')}
          </button>
          <button type="button" disabled={busy} onClick={() => void fromDialog('folders')}>
            {t('photos.importFolder')}
          </button>
        </>
      )}
      {progress && (
        <div className="nd-photo-progress" role="status" data-testid="photo-import-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('photos.importing')} />
          <span>{t('photos.progress', { done: progress.done, total: progress.total })}</span>
          {progress.current && <span className="nd-photo-current">{progress.current}</span>}
          <button type="button" onClick={() => cancel.current?.()} data-testid="photo-import-cancel">
            {t('photos.cancel')}
          </button>
        </div>
      )}
      {summary && (
        <div className="nd-photo-summary" role="status" data-testid="photo-import-summary">
          <span>{t(summary.cancelled ? 'photos.summaryCancelled' : 'photos.summary', { imported: summary.imported, duplicates: summary.duplicates, refused: summary.refused.length })}</span>
          {summary.refused.length > 0 && (
            <ul className="nd-photo-refused" aria-label={t('photos.refusedList')} data-testid="photo-refused">
              {summary.refused.map((refused, index) => (
                <li key={`${refused.name}-${index}`}>
                  <strong>{refused.name}</strong>: {refused.reason ? t(`photos.refused.${refused.reason}`) : t(errorKey(refused.code))}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="nd-link" onClick={() => setSummary(null)}>
            {t('photos.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
