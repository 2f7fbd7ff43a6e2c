import { useI18n } from '../app/i18n';
import { errorKey } from '../app/messages';
import type { PortalBadgeValue } from './portalBadgeOf';
import { safePortalLink } from './safePortalLink';
import './sync.css';

interface PortalBadgeProps {
  badge: PortalBadgeValue;
  /** Shown in place of the local state's chip (it would have claimed what the portal has not said). */
  asChip?: boolean;
  /** The editor's: the post's link opens it, and a conflict opens the merge. The queue's rows stay plain text. */
  withLink?: boolean;
  onConflict?(): void;
}

/** What the portal said of an article, or what is waiting and where (architecture rule 9). */
export function PortalBadge({ badge, asChip = false, withLink = false, onConflict }: PortalBadgeProps) {
  const { t } = useI18n();
  const text = badgeText(badge, t);
  const className = `nd-portal nd-portal-${badge.kind}${asChip ? ' nd-state' : ''}`;
  if (badge.kind === 'conflict' && onConflict) {
    return (
      <button type="button" className={`${className} nd-portal-action`} data-testid="portal-badge" data-kind={badge.kind} onClick={onConflict}>
        {text}
      </button>
    );
  }
  const link = withLink && badge.kind === 'portal' ? safePortalLink(badge.link) : null;
  return (
    // The title: a queue row cuts its line short; the whole sentence is a hover away.
    <span className={className} title={text} data-testid="portal-badge" data-kind={badge.kind} data-status={badge.kind === 'portal' ? badge.status : undefined}>
      {text}
      {link && (
        <>
          {' '}
          <a href={link} target="_blank" rel="noopener noreferrer" data-testid="portal-link">
            {t('portal.openPost')}
          </a>
        </>
      )}
    </span>
  );
}

function badgeText(badge: PortalBadgeValue, t: ReturnType<typeof useI18n>['t']): string {
  switch (badge.kind) {
    case 'localOnly':
      return t(`portal.badge.localOnly.${badge.claim}`);
    case 'waiting':
    case 'notSent': {
      const main = badge.kind === 'waiting' ? t(`portal.badge.waiting.${badge.claim ?? 'other'}`) : t(`portal.badge.notSent.${badge.claim}`);
      return badge.onPortal ? `${main} · ${t('portal.badge.onPortal', { status: t(`portalStatus.${badge.onPortal}`) })}` : main;
    }
    case 'portal': {
      const main = t(`portal.badge.said.${badge.status}`);
      return badge.updateWaiting ? `${main} · ${t('portal.badge.updateWaiting')}` : main;
    }
    case 'problem':
      return t('portal.badge.problem', { reason: t(errorKey(badge.code)) });
    case 'conflict':
      return t('portal.badge.conflict');
    case 'deleted':
      return t('portal.badge.deleted');
  }
}
