import type { ErrorCode } from '../../shared/errors';
import type { ArticleState } from '../../shared/model/Article';
import type { ArticleSync, PortalReceipt } from '../../shared/model/SyncStatus';

/** WordPress's post statuses, as a receipt names them. */
export type PortalStatus = PortalReceipt['status'];

/** The portal status a local state's chip claims: "published", "scheduled", "sent". */
export type PortalClaim = 'publish' | 'future' | 'pending';

/** What the queue and the editor say about an article's standing with the portal. */
export type PortalBadgeValue =
  /** No portal account: the state holds on this laptop only. */
  | { kind: 'localOnly'; claim: 'publish' | 'future' }
  /** In the outbox, not acknowledged yet; `onPortal` is the portal's last answer, if any. */
  | { kind: 'waiting'; claim: PortalClaim | null; onPortal: PortalStatus | null }
  /** Signed in, but nothing of it is in the outbox and the portal's answer (if any) does not say so. */
  | { kind: 'notSent'; claim: PortalClaim; onPortal: PortalStatus | null }
  /** What the portal answered, as it answered it; `updateWaiting`: newer changes are in the outbox. */
  | { kind: 'portal'; status: PortalStatus; link: string; updateWaiting: boolean }
  | { kind: 'problem'; code: ErrorCode }
  | { kind: 'conflict' }
  | { kind: 'deleted' };

export interface PortalBadgeDecision {
  badge: PortalBadgeValue | null;
  /**
   * The local state's chip would claim something of the portal ("Đã đăng"): the badge is shown in
   * its place (architecture rule 9). Otherwise the badge, if any, is shown beside the chip.
   */
  replacesChip: boolean;
}

/**
 * The portal answers that bear a claim out. A portal that went further than asked (an editor
 * published a submitted post there, a scheduled post's time came) still answered: say what it said.
 */
const ANSWERS: Record<PortalClaim, readonly PortalStatus[]> = {
  publish: ['publish', 'private'],
  future: ['future', 'publish', 'private'],
  pending: ['pending', 'future', 'publish', 'private'],
};

function claimOf(state: ArticleState, configured: boolean): PortalClaim | null {
  switch (state) {
    case 'published':
      return 'publish';
    case 'scheduled':
      return 'future';
    case 'submitted':
      // Without a portal "submitted" is a fact of the local desk, not a claim about the portal.
      return configured ? 'pending' : null;
    default:
      return null;
  }
}

/**
 * The badge for an article in local state `state`, given its standing with the portal (`sync`,
 * null when the portal never heard of it) and whether a portal account is signed in.
 */
export function portalBadgeOf(state: ArticleState, sync: ArticleSync | null, configured: boolean): PortalBadgeDecision {
  const claim = claimOf(state, configured);
  const replacesChip = claim !== null;
  if (!configured) {
    if (claim === 'publish' || claim === 'future') return { badge: { kind: 'localOnly', claim }, replacesChip };
    return { badge: null, replacesChip };
  }
  if (sync?.conflict) return { badge: { kind: 'conflict' }, replacesChip };
  if (sync?.deletedOnPortal) return { badge: { kind: 'deleted' }, replacesChip };
  if (sync?.problem) return { badge: { kind: 'problem', code: sync.problem.code }, replacesChip };

  const receipt = sync?.receipt ?? null;
  const waiting = sync?.waiting ?? false;
  const said = (status: PortalStatus, link: string): PortalBadgeDecision => ({
    badge: { kind: 'portal', status, link, updateWaiting: waiting },
    replacesChip,
  });

  if (claim !== null) {
    if (receipt && ANSWERS[claim].includes(receipt.status)) return said(receipt.status, receipt.link);
    const onPortal = receipt?.status ?? null;
    return { badge: waiting ? { kind: 'waiting', claim, onPortal } : { kind: 'notSent', claim, onPortal }, replacesChip };
  }
  // A state that claims nothing of the portal: the badge only adds what the portal knows of it.
  if (waiting) return { badge: { kind: 'waiting', claim: null, onPortal: receipt?.status ?? null }, replacesChip };
  if (receipt) return said(receipt.status, receipt.link);
  return { badge: null, replacesChip };
}
