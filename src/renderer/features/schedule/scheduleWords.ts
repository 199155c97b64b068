/**
 * The schedule in words, before translation: "Next: in 8 min — window active", "Next: tomorrow 9:12 AM — window
 * hidden, client assignment off", "Paused — offline", and the open mailbox's "Synced 9:12 AM · next in 8 min".
 * The sentence keys come from the core's `describeSchedule` (src/shared/schedule.ts); this module adds the
 * "when" and the "why" as phrases the renderer can format in the user's locale. `timeZone` exists for tests.
 */
import { describeSchedule, type ScheduleStatus } from '../../../shared/schedule';
import { formatMoment } from '../../lib/formatDate';
import type { Phrase } from './phrase';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Beyond this many calendar days ahead a weekday would be ambiguous, so the date is spelled out. */
const WEEKDAY_HORIZON_DAYS = 6;

/**
 * When something happens, as a user reads a clock: "now", "in 8 min" within the hour (rounded up: the sync is
 * due within that many minutes), "at 14:30" later today, "tomorrow 9:12 AM", then weekday or date and time.
 */
export function whenPhrase(at: number, now: number, locale: string, timeZone?: string): Phrase {
  const ahead = at - now;
  if (ahead < MINUTE) return { key: 'schedule.when.now' };
  if (ahead < 60 * MINUTE) return { key: 'schedule.when.inMinutes', values: { count: Math.ceil(ahead / MINUTE) } };
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(at));
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return { key: 'schedule.when.today', values: { time } };
  if (days === 1) return { key: 'schedule.when.tomorrow', values: { time } };
  const dayOptions: Intl.DateTimeFormatOptions =
    days <= WEEKDAY_HORIZON_DAYS ? { weekday: 'short' } : { day: 'numeric', month: 'short' };
  const day = new Intl.DateTimeFormat(locale, { ...dayOptions, timeZone }).format(new Date(at));
  return { key: 'schedule.when.later', values: { day, time } };
}

/**
 * Why the cadence is what it is: the window is in use; or it is in the background (and what put it there) and the
 * "assign e-mails of known clients" option decides between often and once a day; or sync is paused and why.
 */
export function whyPhrase(status: ScheduleStatus): Phrase {
  const cause = status.backgroundCause ?? 'user-inactive';
  switch (status.reason) {
    case 'background-option-on':
    case 'background-option-off':
      return { key: `schedule.why.${status.reason}`, parts: { cause: { key: `schedule.cause.${cause}` } } };
    default:
      return { key: `schedule.why.${status.reason}` };
  }
}

/** The quiet line under an account's name: when its next sync is due, and why then. */
export function accountSchedulePhrase(status: ScheduleStatus, now: number, locale: string, timeZone?: string): Phrase {
  const { key, params } = describeSchedule(status, now);
  const parts: Record<string, Phrase> = { why: whyPhrase(status) };
  if (typeof params.at === 'number') parts.when = whenPhrase(params.at, now, locale, timeZone);
  const values: Record<string, number> = {};
  if (typeof params.failedAttempts === 'number') values.failedAttempts = params.failedAttempts;
  return { key, values, parts };
}

/** What the message list header knows about the open mailbox: its own last sync and its account's schedule. */
export interface MailboxSyncState {
  lastSyncedAt: number | null;
  schedule: ScheduleStatus | undefined;
}

/** "Synced 9:12 AM · next in 8 min", "Synced 9:12 AM · syncing now", "Not synced yet · paused — offline". */
export function mailboxSyncPhrase(state: MailboxSyncState, now: number, locale: string, timeZone?: string): Phrase {
  const synced: Phrase =
    state.lastSyncedAt === null
      ? { key: 'schedule.header.never' }
      : { key: 'schedule.header.synced', values: { at: formatMoment(state.lastSyncedAt, now, locale, timeZone) } };
  const { schedule } = state;
  if (!schedule) return synced;
  let next: Phrase;
  if (schedule.syncing) next = { key: 'schedule.header.syncing' };
  else if (schedule.nextSyncAt === null) next = { key: 'schedule.header.paused', parts: { why: whyPhrase(schedule) } };
  else next = { key: 'schedule.header.next', parts: { when: whenPhrase(schedule.nextSyncAt, now, locale, timeZone) } };
  return { key: 'schedule.header.line', parts: { synced, next } };
}

/**
 * The unified inbox syncs with every account: its header speaks of the one syncing now, else the one due first,
 * else (all paused) the first. Undefined when no account has a schedule yet.
 */
export function soonestSchedule(schedules: readonly ScheduleStatus[]): ScheduleStatus | undefined {
  const syncing = schedules.find((schedule) => schedule.syncing);
  if (syncing) return syncing;
  const due = schedules.filter((schedule) => schedule.nextSyncAt !== null);
  if (due.length === 0) return schedules[0];
  return due.reduce((soonest, schedule) => ((schedule.nextSyncAt ?? 0) < (soonest.nextSyncAt ?? 0) ? schedule : soonest));
}

/** The oldest of several last-sync times, null when any mailbox has never synced: the unified inbox is only as fresh as its stalest Inbox. */
export function stalestSync(times: ReadonlyArray<number | null>): number | null {
  if (times.length === 0 || times.some((time) => time === null)) return null;
  return Math.min(...(times as number[]));
}

// Whole calendar days from `from` to `to` in the zone: 23:59 → 00:01 is one day, though only two minutes.
function calendarDaysBetween(from: number, to: number, timeZone: string | undefined): number {
  const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const midnightUtc = (epochMs: number) => Date.parse(`${dayKey.format(new Date(epochMs))}T00:00:00Z`);
  return Math.round((midnightUtc(to) - midnightUtc(from)) / DAY);
}
