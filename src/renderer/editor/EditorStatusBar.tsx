import { useI18n } from '../app/i18n';
import { WORDS_PER_MINUTE, type TextCounts } from './readingTime';

/** Word and character counts and reading time of the body. */
export function EditorStatusBar({ counts }: { counts: TextCounts | null }) {
  const { t, locale } = useI18n();
  if (!counts) return <footer className="nd-statusbar" />;
  const format = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <footer className="nd-statusbar" data-testid="status-bar">
      <span data-testid="word-count" data-value={counts.words}>
        {t('status.words', { count: format(counts.words) })}
      </span>
      <span data-testid="char-count" data-value={counts.characters}>
        {t('status.chars', { count: format(counts.characters) })}
      </span>
      <span data-testid="reading-time" data-value={counts.minutes} title={`${WORDS_PER_MINUTE} wpm`}>
        {t('status.reading', { minutes: counts.minutes })}
      </span>
    </footer>
  );
}
