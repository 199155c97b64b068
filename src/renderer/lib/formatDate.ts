/**
 * Dates in the message list, as mail clients show them: a time for today, day and month for this year, the
 * full date for older mail — all in the user's locale. `timeZone` exists for tests; the app uses the OS zone.
 */
export function formatListDate(epochMs: number, now: number, locale: string, timeZone?: string): string {
  const date = new Date(epochMs);
  const dayKey = calendarDayFormatter(timeZone);
  const dateDay = dayKey.format(date);
  const today = dayKey.format(new Date(now));
  if (dateDay === today) {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
  }
  if (dateDay.slice(0, 4) === today.slice(0, 4)) {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(date);
  }
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(date);
}

/** The reader's header: the whole date and time, unambiguous. */
export function formatFullDate(epochMs: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(epochMs),
  );
}

/** "10:42" for a moment today, else day, month and time: how "offline since …" reads. */
export function formatMoment(epochMs: number, now: number, locale: string, timeZone?: string): string {
  const dayKey = calendarDayFormatter(timeZone);
  const sameDay = dayKey.format(new Date(epochMs)) === dayKey.format(new Date(now));
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { timeStyle: 'short', timeZone }
    : { dateStyle: 'medium', timeStyle: 'short', timeZone };
  return new Intl.DateTimeFormat(locale, options).format(new Date(epochMs));
}

/** "2 minutes ago", "2 minuti fa": whole minutes under an hour, then hours, then days. */
export function formatAgo(epochMs: number, now: number, locale: string): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round((epochMs - now) / 1000);
  if (Math.abs(seconds) < 60) return relative.format(0, 'minute');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

// ISO-ordered "YYYY-MM-DD" in the wanted zone: comparing strings compares calendar days, not 24-hour spans.
function calendarDayFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
}
