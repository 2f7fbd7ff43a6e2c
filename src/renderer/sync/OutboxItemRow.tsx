import { useEffect, useRef, useState } from 'react';
import type { OutboxItem } from '../../shared/model/SyncStatus';
import { useI18n } from '../app/i18n';
import { errorKey } from '../app/messages';
import { formatSyncTime } from './formatSyncTime';
import { safePortalLink } from './safePortalLink';

interface OutboxItemRowProps {
  item: OutboxItem;
  /** Given for active items only: finished ones are a record, not something to act on. */
  onRetry?(id: string): void;
  onCancel?(id: string): void;
}

/** One outbox item: what it does, its state and attempts, its last error or the portal's receipt. */
export function OutboxItemRow({ item, onRetry, onCancel }: OutboxItemRowProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const title = item.title || t('articles.untitled');
  const time = (iso: string) => formatSyncTime(iso, locale);
  const link = item.receipt ? safePortalLink(item.receipt.link) : null;

  // The keyboard follows the question: to its answer when asked, back to Cancel when kept.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) cancelButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li className="nd-outbox-item" data-testid="outbox-item" data-id={item.id} data-state={item.state}>
      <div className="nd-outbox-head">
        <strong lang="vi">{title}</strong>
        <span className={`nd-outbox-state nd-outbox-state-${item.state}`}>{t(`outbox.state.${item.state}`)}</span>
      </div>
      <div className="nd-outbox-meta">
        <span>{t(`outbox.kind.${item.kind}`)}</span>
        <span>{t('outbox.enqueued', { time: time(item.enqueuedAt) })}</span>
        {item.attempts > 0 && <span data-testid="outbox-attempts">{t('outbox.attempts', { count: item.attempts })}</span>}
        {item.nextAttemptAt && item.state === 'retrying' && <span data-testid="outbox-next">{t('outbox.nextAttempt', { time: time(item.nextAttemptAt) })}</span>}
      </div>
      {item.lastError && item.state !== 'done' && (
        <p className="nd-sync-problem" data-testid="outbox-error">
          {t('outbox.lastError', { reason: t(errorKey(item.lastError.code)) })}
        </p>
      )}
      {item.receipt && (
        <p className="nd-outbox-receipt" data-testid="outbox-receipt">
          {t('outbox.receipt', { postId: item.receipt.postId, status: t(`portalStatus.${item.receipt.status}`) })}
          {link && (
            <>
              {' · '}
              <a href={link} target="_blank" rel="noopener noreferrer" data-testid="outbox-link">
                {t('outbox.openPost')}
              </a>
            </>
          )}
          {' · '}
          {t('outbox.modified', { time: time(item.receipt.modifiedGmt) })}
        </p>
      )}
      {(onRetry || onCancel) && !confirming && (
        <div className="nd-outbox-actions">
          {onRetry && (
            <button
              type="button"
              data-testid="outbox-retry"
              aria-label={t('outbox.retryLabel', { title })}
              disabled={item.state === 'running'}
              onClick={() => onRetry(item.id)}
            >
              {t('outbox.retry')}
            </button>
          )}
          {onCancel && (
            <button
              ref={cancelButton}
              type="button"
              className="nd-secondary"
              data-testid="outbox-cancel"
              aria-label={t('outbox.cancelLabel', { title })}
              disabled={item.state === 'running'}
              onClick={() => setConfirming(true)}
            >
              {t('outbox.cancel')}
            </button>
          )}
        </div>
      )}
      {confirming && onCancel && (
        <div className="nd-outbox-confirm" role="group" aria-label={t('outbox.cancelLabel', { title })}>
          <p>{t('outbox.confirmCancel')}</p>
          <button
            ref={confirmButton}
            type="button"
            className="nd-danger"
            data-testid="outbox-cancel-confirm"
            onClick={() => {
              setConfirming(false);
              onCancel(item.id);
            }}
          >
            {t('outbox.confirmCancelYes')}
          </button>{' '}
          <button type="button" className="nd-secondary" data-testid="outbox-cancel-keep" onClick={() => setConfirming(false)}>
            {t('outbox.confirmCancelNo')}
          </button>
        </div>
      )}
    </li>
  );
}
