import type { Locale } from '../app/messages';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}`;
  let made = formatters.get(key);
  if (!made) {
    // 24-hour clock in both languages (the newsroom's habit; en-GB agrees).
    made = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
    });
    formatters.set(key, made);
  }
  return made;
}

/**
 * A moment as the status bar and the outbox show it, in the UI language: the time alone when it
 * is today, the time and the date otherwise. Accepts ISO with an offset, or WordPress's `*_gmt`
 * (no offset: UTC). An unreadable value is shown as it came.
 */
export function formatSyncTime(value: string, locale: Locale, now: Date = new Date()): string {
  const iso = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  const sameDay = date.toDateString() === now.toDateString();
  return formatter(locale, !sameDay).format(date);
}
