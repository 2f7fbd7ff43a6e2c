/**
 * A field's text as a reader sees it: trimmed, and without the zero-width characters and BOM
 * that pasted text carries (a caption of only those is empty, however long its string).
 */
export function visibleText(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}
