import { useCallback, useEffect, useState } from 'react';

/** Ctrl/Cmd+Shift+F: not taken by Chromium or Electron, and mirrors Google Docs' "compact mode". */
export const FOCUS_MODE_KEYS = 'Mod+Shift+F';
const ROOT_CLASS = 'nd-focus-mode';

/**
 * Focus (full-window) writing mode: the article list and the app chrome are hidden by a class on
 * <html>, so the shell needs no knowledge of it. Esc leaves; leaving the article leaves too.
 */
export function useFocusMode() {
  const [on, setOn] = useState(false);
  const toggle = useCallback(() => setOn((value) => !value), []);

  useEffect(() => {
    document.documentElement.classList.toggle(ROOT_CLASS, on);
    return () => document.documentElement.classList.remove(ROOT_CLASS);
  }, [on]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyF') {
        event.preventDefault();
        toggle();
      } else if (event.key === 'Escape' && on && !event.defaultPrevented) {
        setOn(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on, toggle]);

  return { on, toggle };
}
