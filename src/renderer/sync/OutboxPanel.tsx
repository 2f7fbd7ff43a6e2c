import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useModalDialog } from '../app/useModalDialog';
import { NewsdeskError } from '../../shared/errors';
import type { OutboxItem } from '../../shared/model/SyncStatus';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { OutboxItemRow } from './OutboxItemRow';
import './sync.css';

type Lists = { active: OutboxItem[]; recent: OutboxItem[] };

/** What waits for the portal (with retry and cancel) and what it recently acknowledged. A modal dialog. */
export function OutboxPanel({ bridge, onClose }: { bridge: Bridge; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [lists, setLists] = useState<Lists | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const report = (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));

  useEffect(() => {
    let live = true;
    // One listing at a time; a change during one asks for another after it.
    let inFlight = false;
    let again = false;
    const load = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      bridge.invoke('sync.outbox', {}).then(
        (next) => {
          inFlight = false;
          if (live) setLists(next);
          if (again && live) {
            again = false;
            load();
          }
        },
        (error: unknown) => {
          inFlight = false;
          if (live) report(error);
        },
      );
    };
    const unsubscribe = bridge.on('sync.changed', load);
    load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);

  useModalDialog(dialog);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  const act = (channel: 'sync.retry' | 'sync.cancel', id: string) => {
    setProblem(null);
    bridge.invoke(channel, { id }).then(
      // The service's answer is the item's new standing; the listing follows with the event.
      (item) => setLists((previous) => previous && { ...previous, active: previous.active.map((old) => (old.id === item.id ? item : old)) }),
      report,
    );
  };

  return (
    <dialog ref={dialog} className="nd-outbox" aria-labelledby="nd-outbox-heading" data-testid="outbox-panel" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="nd-outbox-bar">
        <h2 id="nd-outbox-heading">{t('outbox.heading')}</h2>
        <button type="button" className="nd-secondary" data-testid="outbox-close" onClick={onClose}>
          {t('outbox.close')}
        </button>
      </header>
      {problem && (
        <p role="alert" className="nd-sync-problem">
          {t(problem)}
        </p>
      )}
      {lists && (
        <>
          <section aria-labelledby="nd-outbox-active">
            <h3 id="nd-outbox-active">{t('outbox.active')}</h3>
            {lists.active.length === 0 ? (
              <p className="nd-empty" data-testid="outbox-active-empty">
                {t('outbox.activeEmpty')}
              </p>
            ) : (
              <ul className="nd-outbox-list" data-testid="outbox-active">
                {lists.active.map((item) => (
                  <OutboxItemRow key={item.id} item={item} onRetry={(id) => act('sync.retry', id)} onCancel={(id) => act('sync.cancel', id)} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="nd-outbox-recent">
            <h3 id="nd-outbox-recent">{t('outbox.recent')}</h3>
            {lists.recent.length === 0 ? (
              <p className="nd-empty">{t('outbox.recentEmpty')}</p>
            ) : (
              <ul className="nd-outbox-list" data-testid="outbox-recent">
                {lists.recent.map((item) => (
                  <OutboxItemRow key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </dialog>
  );
}
