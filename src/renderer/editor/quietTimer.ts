/** A timer that fires once things have been quiet for `delayMs`; see createQuietTimer. */
export interface QuietTimer {
  /** Something happened: fire `delayMs` after the last poke. */
  poke(): void;
  /** Forget a pending fire. */
  cancel(): void;
}

/**
 * "Run this once typing pauses", for work that follows every keystroke (counting, serialising).
 * Clearing and setting a timeout on each key costs tens of microseconds in Chromium, inside the
 * keystroke's own work; here a poke only notes the time, and the one armed timeout, when it
 * fires early, re-arms itself for the rest of the delay.
 */
export function createQuietTimer(delayMs: number, fire: () => void, now: () => number = () => performance.now()): QuietTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const check = () => {
    const waited = now() - last;
    if (waited < delayMs) {
      timer = setTimeout(check, delayMs - waited);
      return;
    }
    timer = null;
    fire();
  };
  return {
    poke() {
      last = now();
      if (timer === null) timer = setTimeout(check, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
