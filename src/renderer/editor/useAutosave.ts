import { useCallback, useEffect, useRef, useState } from 'react';
import { NewsdeskError, type ErrorCode } from '../../shared/errors';
import type { Article, ArticleEditable } from '../../shared/model/Article';
import type { Bridge } from '../app/bridge';

/** Saves this long after the last change: well inside the 1 s a writer should wait. */
export const AUTOSAVE_DELAY_MS = 400;
const RETRY_DELAY_MS = 2_000;

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; code: ErrorCode }
  | { kind: 'conflict' };

/**
 * Autosave for one open article. Changes are merged into one pending patch; one save is in flight
 * at a time; a failed save puts its changes back under any newer ones and retries, so nothing the
 * writer typed is dropped. A CONFLICT stops retrying: overwriting would lose someone else's work.
 */
export function useAutosave(bridge: Bridge, article: Article, onSaved: (article: Article) => void) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const rev = useRef(article.rev);
  const pending = useRef<Partial<ArticleEditable> | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  /** A change the editor has not handed over yet (it serialises the body lazily). */
  const awaiting = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  /** The save in flight, resolving to its outcome (null: saved). */
  const settled = useRef<Promise<ErrorCode | null>>(Promise.resolve(null));

  const run = useCallback((): Promise<ErrorCode | null> => {
    if (inFlight.current || !pending.current || stopped.current) return Promise.resolve(null);
    const changes = pending.current;
    pending.current = null;
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    const attempt = (async (): Promise<ErrorCode | null> => {
      try {
        const saved = await bridge.invoke('articles.save', { id: article.id, baseRev: rev.current, changes });
        rev.current = saved.rev;
        onSavedRef.current(saved);
        inFlight.current = false;
        if (pending.current) void run();
        else if (!awaiting.current) setStatus({ kind: 'saved' });
        else setStatus({ kind: 'dirty' });
        return null;
      } catch (error) {
        inFlight.current = false;
        pending.current = { ...changes, ...(pending.current ?? {}) };
        const code = error instanceof NewsdeskError ? error.code : 'INTERNAL';
        if (code === 'CONFLICT') {
          stopped.current = true;
          setStatus({ kind: 'conflict' });
          return code;
        }
        setStatus({ kind: 'error', code });
        schedule(RETRY_DELAY_MS);
        return code;
      }
    })();
    settled.current = attempt;
    return attempt;
  }, [bridge, article.id]);

  const schedule = useCallback(
    (delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void run();
      }, delay);
    },
    [run],
  );

  const update = useCallback(
    (changes: Partial<ArticleEditable>) => {
      awaiting.current = false;
      pending.current = { ...(pending.current ?? {}), ...changes };
      if (!inFlight.current && !stopped.current) setStatus({ kind: 'dirty' });
      schedule(AUTOSAVE_DELAY_MS);
    },
    [schedule],
  );

  const markDirty = useCallback(() => {
    awaiting.current = true;
    if (!inFlight.current && !stopped.current) setStatus({ kind: 'dirty' });
  }, []);

  /**
   * Saves everything handed over so far now, without waiting for the autosave delay, and resolves
   * with the stored rev that holds it (the current rev when nothing was pending). Rejects with
   * the save's error (CONFLICT, storage…): the caller must not act as if the text were stored.
   */
  const saveNow = useCallback(async (): Promise<number> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      if (stopped.current) throw new NewsdeskError('CONFLICT', { id: article.id });
      if (inFlight.current) {
        await settled.current;
        continue;
      }
      if (!pending.current) return rev.current;
      const code = await run();
      if (code) throw new NewsdeskError(code, { id: article.id });
    }
  }, [run, article.id]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current || awaiting.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving this article (switching, closing the view): save what is pending now.
      if (timer.current) clearTimeout(timer.current);
      void run();
    };
  }, [run]);

  return { status, update, markDirty, saveNow };
}
