import type { ArticleState } from '../../../shared/model/Article';
import type { PortalStatus } from '../portal/Portal';

/**
 * The portal status an article's local state asks for, or null when the portal need not know of
 * it yet (a draft, unless the writer syncs drafts or the portal already has it).
 *
 *   draft → draft · submitted, in review, approved → pending (WordPress's "awaiting review")
 *   returned → draft (WordPress's way of handing a post back) · scheduled → future
 *   published → publish · spiked → trash
 */
export function portalStatusFor(state: ArticleState, options: { syncDrafts: boolean; onPortal: boolean }): PortalStatus | null {
  switch (state) {
    case 'draft':
      return options.syncDrafts || options.onPortal ? 'draft' : null;
    case 'submitted':
    case 'in_review':
    case 'approved':
      return 'pending';
    case 'returned':
      return 'draft';
    case 'scheduled':
      return 'future';
    case 'published':
      return 'publish';
    case 'spiked':
      return options.onPortal ? 'trash' : null;
  }
}

/**
 * The local state for a status an editor set on the portal. A local state that the portal status
 * already stands for is kept (pending covers submitted, in review and approved; draft covers
 * returned), so a pull never undoes a finer local step.
 */
export function localStateFor(status: PortalStatus, current: ArticleState): ArticleState {
  switch (status) {
    case 'draft':
      return current === 'returned' ? current : 'draft';
    case 'pending':
      return current === 'submitted' || current === 'in_review' || current === 'approved' ? current : 'submitted';
    case 'future':
      return 'scheduled';
    case 'publish':
    case 'private':
      return 'published';
    case 'trash':
      return 'spiked';
  }
}

/** `publishAt` (ISO with offset) → WordPress's `date_gmt` (`2026-12-02T08:00:00`, UTC, no offset). */
export function toDateGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** WordPress's `*_gmt` (no offset, UTC) → ISO with `Z`. */
export function fromDateGmt(gmt: string): string {
  return new Date(`${gmt.slice(0, 19)}Z`).toISOString();
}
