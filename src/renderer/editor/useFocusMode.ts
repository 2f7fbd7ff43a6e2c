import { useCallback, useEffect, useState } from 'react';

/**
 * Ctrl/Cmd+Shift+Enter: bound by neither Chromium nor Electron; Ctrl+Shift+F is the search panel's.
 * Caught in the capture phase, before the body would take it as Shift+Enter (a line break).
 */
export const FOCUS_MODE_KEYS = 'Mod+Shift+Enter';
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
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        toggle();
      }
    };
    // Esc is heard last (bubble phase): an Esc something else took (a popover closing, in its
    // field or from the text) is marked as taken and leaves focus mode alone.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !on || event.defaultPrevented) return;
      if ((event.target as Element | null)?.closest?.('[role="dialog"]')) return;
      setOn(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keydown', onEscape);
    };
  }, [on, toggle]);

  return { on, toggle };
}
