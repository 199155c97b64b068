import { describe, expect, it } from 'vitest';
import { formatAgo, formatListDate, formatMoment } from './formatDate';

const zone = 'Europe/Rome';
// 27 Nov 2026, 15:30 in Rome (UTC+1).
const now = Date.UTC(2026, 10, 27, 14, 30);

describe('formatListDate', () => {
  it('shows only the time for a message from today', () => {
    const earlierToday = Date.UTC(2026, 10, 27, 8, 5);
    expect(formatListDate(earlierToday, now, 'en-GB', zone)).toBe('09:05');
    expect(formatListDate(earlierToday, now, 'en-US', zone)).toBe('9:05 AM');
  });

  it('treats just after local midnight as today even when UTC still says yesterday', () => {
    const justAfterMidnight = Date.UTC(2026, 10, 26, 23, 10);
    expect(formatListDate(justAfterMidnight, now, 'it-IT', zone)).toBe('00:10');
  });

  it('shows day and month for an earlier day of this year, in the locale order', () => {
    const march = Date.UTC(2026, 2, 4, 12);
    expect(formatListDate(march, now, 'en-US', zone)).toBe('Mar 4');
    expect(formatListDate(march, now, 'it-IT', zone)).toBe('4 mar');
  });

  it('shows the full date for a message from an earlier year', () => {
    const older = Date.UTC(2024, 11, 31, 12);
    expect(formatListDate(older, now, 'en-US', zone)).toBe('Dec 31, 2024');
    expect(formatListDate(older, now, 'it-IT', zone)).toBe('31 dic 2024');
  });
});

describe('formatMoment', () => {
  it('gives the time alone for today and adds the day otherwise', () => {
    expect(formatMoment(Date.UTC(2026, 10, 27, 9, 42), now, 'en-GB', zone)).toBe('10:42');
    expect(formatMoment(Date.UTC(2026, 10, 25, 9, 42), now, 'en-GB', zone)).toBe('25 Nov 2026, 10:42');
  });
});

describe('formatAgo', () => {
  it('says minutes, hours and days in the locale', () => {
    expect(formatAgo(now - 2 * 60_000, now, 'en')).toBe('2 minutes ago');
    expect(formatAgo(now - 2 * 60_000, now, 'it')).toBe('2 minuti fa');
    expect(formatAgo(now - 10_000, now, 'en')).toBe('this minute');
    expect(formatAgo(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(formatAgo(now - 2 * 86_400_000, now, 'en')).toBe('2 days ago');
  });
});
