/** How far outside the viewport a figure counts as near: about a screen ahead of the reader. */
const NEAR_MARGIN = '800px 0px';

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

/**
 * Calls `callback` once, when `element` first comes near the viewport. One observer for every
 * figure of every editor: a long feature has 40 photos, and 40 observers are 40 intersection
 * computations on every frame, keystrokes included. Returns a cancel function.
 */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const ready = waiting.get(entry.target);
        if (!ready) continue;
        waiting.delete(entry.target);
        observer?.unobserve(entry.target);
        ready();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  waiting.set(element, callback);
  observer.observe(element);
  return () => {
    if (waiting.delete(element)) observer?.unobserve(element);
  };
}
