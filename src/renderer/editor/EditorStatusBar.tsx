import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import { WORDS_PER_MINUTE, type TextCounts } from './readingTime';

// One formatter per locale, made once: `toLocaleString` builds a new ICU formatter on every call
// (~0.3 ms each, three per render of the status bar).
const formatters = new Map<string, Intl.NumberFormat>();
function formatCount(n: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale);
    formatters.set(locale, formatter);
  }
  return formatter.format(n);
}

/** Word and character counts and reading time of the body; `children`: the article's standing with the portal. */
export function EditorStatusBar({ counts, children }: { counts: TextCounts | null; children?: ReactNode }) {
  const { t, locale } = useI18n();
  const format = (n: number) => formatCount(n, locale === 'vi' ? 'vi-VN' : 'en-GB');
  // `children` stays at one place in the tree whether or not the counts are known yet: React
  // matches children by position, and moving it would remount the portal status (losing the
  // state it followed from events, so it showed the state the editor was opened with).
  return (
    <footer className="nd-statusbar" {...(counts ? { 'data-testid': 'status-bar' } : {})}>
      {counts && (
        <>
          <span data-testid="word-count" data-value={counts.words}>
            {t('status.words', { count: format(counts.words) })}
          </span>
          <span data-testid="char-count" data-value={counts.characters}>
            {t('status.chars', { count: format(counts.characters) })}
          </span>
          <span data-testid="reading-time" data-value={counts.minutes} title={`${WORDS_PER_MINUTE} wpm`}>
            {t('status.reading', { minutes: counts.minutes })}
          </span>
        </>
      )}
      {children}
    </footer>
  );
}
