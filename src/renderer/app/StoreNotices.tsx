import { useCallback, useEffect, useState } from 'react';
import type { StoreNotice } from '../../shared/model/StoreNotice';
import type { Bridge } from './bridge';
import { useI18n } from './i18n';
import './StoreNotices.css';

/**
 * Files the store moved to quarantine/, named, until someone dismisses them. The notices live in
 * the store (on disk), so they survive a restart; this only shows them.
 */
export function StoreNotices({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const [notices, setNotices] = useState<StoreNotice[]>([]);

  const refresh = useCallback(() => {
    // A failure here must not hide the app; the next event retries.
    bridge.invoke('store.notices', {}).then(setNotices, () => undefined);
  }, [bridge]);

  useEffect(() => {
    refresh();
    return bridge.on('store.notice', refresh);
  }, [bridge, refresh]);

  if (notices.length === 0) return null;
  return (
    <section className="nd-store-notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="nd-store-notice" role="alert" data-testid="store-notice" data-file={notice.file}>
          <span>
            {t('notice.quarantined', {
              file: notice.file,
              reason: t(`notice.reason.${notice.reason}`),
              movedTo: notice.movedTo,
            })}
          </span>
          <button
            type="button"
            data-testid="store-notice-dismiss"
            onClick={() => {
              bridge.invoke('store.dismissNotice', { id: notice.id }).then(refresh, refresh);
            }}
          >
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
