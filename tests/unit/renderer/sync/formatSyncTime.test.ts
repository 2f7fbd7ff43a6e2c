import { expect, it } from 'vitest';
import { formatSyncTime } from '../../../../src/renderer/sync/formatSyncTime';

// Local time of the test machine: build the moments from local parts so the test holds in any zone.
const afternoon = new Date(2026, 11, 2, 14, 5);
const earlier = new Date(2026, 10, 28, 9, 7);

it('today: the time alone, on a 24-hour clock in both languages', () => {
  expect(formatSyncTime(afternoon.toISOString(), 'vi', new Date(2026, 11, 2, 18, 0))).toBe('14:05');
  expect(formatSyncTime(afternoon.toISOString(), 'en', new Date(2026, 11, 2, 18, 0))).toBe('14:05');
});

it('another day: the date too, day first', () => {
  expect(formatSyncTime(earlier.toISOString(), 'vi', afternoon)).toBe('09:07 28/11/2026');
  expect(formatSyncTime(earlier.toISOString(), 'en', afternoon)).toBe('28/11/2026, 09:07');
});

it("WordPress's *_gmt (no offset) is UTC, and an unreadable value is shown as it came", () => {
  const gmt = new Date(Date.UTC(2026, 11, 2, 7, 30));
  const local = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(gmt);
  expect(formatSyncTime('2026-12-02T07:30:00', 'vi', gmt)).toBe(local);
  expect(formatSyncTime('hôm qua', 'vi')).toBe('hôm qua');
});
