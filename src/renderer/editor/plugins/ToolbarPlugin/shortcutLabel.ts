const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z" as the platform writes it: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function shortcutLabel(keys: string, apple = IS_APPLE): string {
  if (!keys.includes('+')) return keys.trim() === '' ? keys : `“${keys}”`;
  const parts = keys.split('+');
  if (!apple) return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+');
  const glyphs: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return parts.map((part) => glyphs[part] ?? part).join('');
}
