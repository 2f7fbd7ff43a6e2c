import type { FigurePart, PublishField } from '../../shared/publishChecks/PublishRule';

/** Where a publish-check issue is: its field, and for a figure's issue which figure and which input. */
export interface IssuePlace {
  field: PublishField;
  figure?: number | undefined;
  part?: FigurePart | undefined;
  link?: number | undefined;
}

/** How long a far figure may take to mount its inputs once scrolled to (FigureView mounts lazily). */
const MOUNT_WAIT_MS = 2_000;

/**
 * Takes the writer to the field an issue is about, inside one editor (`root`): scrolled into view
 * and focused, so typing fixes it. Fields carry `data-check-field`; a figure's inputs are found by
 * the figure's place in reading order. A figure far down the page is only a shell until it is
 * near the viewport, so its input is focused once it has mounted.
 */
export function jumpToIssue(root: HTMLElement | null, place: IssuePlace): void {
  if (!root) return;
  if (place.field !== 'figure') {
    const field = root.querySelector<HTMLElement>(`[data-check-field="${place.field}"]`);
    if (!field) return;
    const link = place.link !== undefined ? field.querySelectorAll('a')[place.link - 1] : undefined;
    (link ?? field).scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
    return;
  }
  const figure = root.querySelectorAll<HTMLElement>('figure.nd-figure')[(place.figure ?? 1) - 1];
  if (!figure) return;
  figure.scrollIntoView({ block: 'center' });
  const selector = place.part === 'photo' || place.part === undefined ? '.nd-figure-choose' : `.nd-figure-${place.part}`;
  const focusInput = (): boolean => {
    // The shell is replaced by the full view: look the figure up again by its place.
    const current = root.querySelectorAll<HTMLElement>('figure.nd-figure')[(place.figure ?? 1) - 1];
    const input = current?.querySelector<HTMLElement>(selector);
    if (!input) return false;
    input.focus({ preventScroll: true });
    return true;
  };
  if (focusInput()) return;
  const observer = new MutationObserver(() => {
    if (focusInput()) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), MOUNT_WAIT_MS);
}
