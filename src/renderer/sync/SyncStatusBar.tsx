import { useCallback, useContext, useEffect, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { shortcutLabel } from '../editor/plugins/ToolbarPlugin/shortcutLabel';
import { ArticleSyncsContext } from './ArticleSyncsContext';
import { formatSyncTime } from './formatSyncTime';
import { OutboxPanel } from './OutboxPanel';
import { useNetworkSignal } from './useNetworkSignal';
import './sync.css';

/** Ctrl/Cmd+Shift+S: Chromium's page binds none, nor does Electron without a default menu. */
export const SYNC_NOW_KEYS = 'Mod+Shift+S';

/** The app's bottom line: network, what waits for the portal, the last sync, "sync now", the outbox. */
export function SyncStatusBar({ bridge }: { bridge: Bridge }) {
  const { t, locale } = useI18n();
  const { status } = useContext(ArticleSyncsContext);
  const [outboxOpen, setOutboxOpen] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useNetworkSignal(bridge);

  const configured = status?.configured ?? false;
  const syncNow = useCallback(() => {
    setProblem(null);
    // Without an account nothing can be sent: say where to sign in rather than pretend to sync.
    if (!configured) {
      setProblem(errorKey('PORTAL_NOT_CONFIGURED'));
      return;
    }
    setSyncing(true);
    bridge.invoke('sync.now', {}).then(
      () => setSyncing(false),
      (error: unknown) => {
        setSyncing(false);
        setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
      },
    );
  }, [bridge, configured]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.code !== 'KeyS') return;
      event.preventDefault();
      syncNow();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [syncNow]);

  const online = status?.online ?? true;
  const running = syncing || (status?.running ?? false);
  return (
    <footer className="nd-syncbar" aria-label={t('sync.bar')} data-testid="sync-status-bar" data-configured={status ? String(configured) : ''}>
      <span className={online ? 'nd-sync-online' : 'nd-sync-offline'} data-testid="sync-network" data-online={String(online)}>
        {online ? t('sync.online') : t('sync.offline')}
      </span>
      {status && !configured && <span data-testid="sync-not-configured">{t('sync.notConfigured')}</span>}
      {status && configured && (
        <>
          <span data-testid="sync-waiting" data-count={status.waiting}>
            {t('sync.waiting', { count: status.waiting })}
          </span>
          <span className={status.blocked > 0 ? 'nd-sync-blocked' : undefined} data-testid="sync-blocked" data-count={status.blocked}>
            {t('sync.blocked', { count: status.blocked })}
          </span>
          <span data-testid="sync-last">
            {status.lastSyncAt ? t('sync.lastSync', { time: formatSyncTime(status.lastSyncAt, locale) }) : t('sync.never')}
          </span>
          {running && <span data-testid="sync-running">{t('sync.running')}</span>}
          {status.lastError && !running && (
            <span className="nd-sync-problem" data-testid="sync-last-error">
              {t('sync.lastError', { reason: t(errorKey(status.lastError.code)) })}
            </span>
          )}
        </>
      )}
      {problem && (
        <span role="alert" className="nd-sync-problem" data-testid="sync-problem">
          {t(problem)}
        </span>
      )}
      <span className="nd-syncbar-actions">
        <button
          type="button"
          data-testid="sync-now"
          disabled={running}
          title={t('toolbar.shortcut', { label: t('sync.now'), keys: shortcutLabel(SYNC_NOW_KEYS) })}
          onClick={syncNow}
        >
          {t('sync.now')}
        </button>
        <button type="button" className="nd-secondary" data-testid="open-outbox" aria-haspopup="dialog" onClick={() => setOutboxOpen(true)}>
          {t('sync.openOutbox')}
        </button>
      </span>
      {outboxOpen && <OutboxPanel bridge={bridge} onClose={() => setOutboxOpen(false)} />}
    </footer>
  );
}
