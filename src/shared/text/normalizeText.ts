/**
 * Every string that enters Newsdesk (typing, paste, import, portal) is NFC-normalised, so that
 * "Cửa Lò" typed through a Telex IME and "Cửa Lò" pasted from Word are the same bytes, compare
 * equal, and are found by search.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/**
 * NFC-normalises every string inside a JSON-like value (Lexical's serialized state, an article).
 * Returns the same object when nothing changed, so callers can skip a write.
 */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') {
    const normalized = value.normalize('NFC');
    return (normalized === value ? value : normalized) as T;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item: unknown) => {
      const n = normalizeDeep(item);
      if (n !== item) changed = true;
      return n;
    });
    return (changed ? next : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const n = normalizeDeep(item);
      if (n !== item) changed = true;
      next[key] = n;
    }
    return (changed ? next : value) as T;
  }
  return value;
}
