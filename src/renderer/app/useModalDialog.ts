import { useEffect, type RefObject } from 'react';

/**
 * Opens a <dialog> as modal for as long as the component is mounted: the page behind is inert,
 * Tab stays inside, focus moves into it and goes back to whatever had it before on close.
 * (jsdom has no showModal: unit tests get the focus handling only.)
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open && typeof element.showModal === 'function') element.showModal();
    element?.focus();
    return () => opener?.focus();
  }, [dialog]);
}
