import { useCallback, useEffect, useRef, useState } from 'react';

/** Ctrl/Cmd+Shift+P: bound by neither Chromium's page nor Electron (no default menu). */
export const PORTAL_PREVIEW_KEYS = 'Mod+Shift+P';

/**
 * Open/closed state of the portal preview, and its shortcut. `beforeShow` runs first, in the same
 * event, so the preview shows the text typed a moment ago rather than the last serialised body.
 */
export function usePortalPreview(beforeShow: () => void) {
  const [on, setOn] = useState(false);
  const prepare = useRef(beforeShow);
  prepare.current = beforeShow;
  const show = useCallback(() => {
    prepare.current();
    setOn(true);
  }, []);
  const hide = useCallback(() => setOn(false), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.code !== 'KeyP') return;
      event.preventDefault();
      event.stopPropagation();
      if (on) hide();
      else show();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [on, show, hide]);

  return { on, show, hide };
}
