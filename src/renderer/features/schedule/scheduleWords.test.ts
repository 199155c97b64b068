import { describe, expect, it } from 'vitest';
import type { ScheduleStatus } from '../../../shared/schedule';
import en from '../../i18n/en.json';
import italian from '../../i18n/it.json';
import { phraseKeys, translatePhrase, type Phrase } from './phrase';
import { accountSchedulePhrase, mailboxSyncPhrase, soonestSchedule, stalestSync, whenPhrase } from './scheduleWords';

const zone = 'Europe/Rome';
// Friday 27 Nov 2026, 10:00 in Rome (UTC+1).
const now = Date.UTC(2026, 10, 27, 9, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const base: ScheduleStatus = {
  accountId: 'a1',
  lastSyncedAt: now - MINUTE,
  nextSyncAt: now + 8 * MINUTE,
  reason: 'active',
  backgroundCause: null,
  syncing: false,
  failedAttempts: 0,
  holdIdleConnection: false,
};

/** A stand-in for i18next: looks the key up in a translation file and fills {{placeholders}}. */
function translatorFor(tree: object) {
  return (key: string, values: Record<string, string | number>) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    if (typeof text !== 'string') throw new Error(`missing translation ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
const english = (phrase: Phrase) => translatePhrase(translatorFor(en), phrase);
const inItalian = (phrase: Phrase) => translatePhrase(translatorFor(italian), phrase);
const account = (status: ScheduleStatus, locale = 'en-US') => accountSchedulePhrase(status, now, locale, zone);

describe('when the next sync is, in words', () => {
  it('says "in N min" within the hour, rounded up so the sync is never later than said', () => {
    expect(english(whenPhrase(now + 8 * MINUTE, now, 'en-US', zone))).toBe('in 8 min');
    expect(english(whenPhrase(now + 7 * MINUTE + 1_000, now, 'en-US', zone))).toBe('in 8 min');
    expect(english(whenPhrase(now + 59 * MINUTE, now, 'en-US', zone))).toBe('in 59 min');
  });

  it('says "now" for a sync due within the minute or already overdue', () => {
    expect(english(whenPhrase(now + 59_000, now, 'en-US', zone))).toBe('now');
    expect(english(whenPhrase(now - 5 * MINUTE, now, 'en-US', zone))).toBe('now');
  });

  it('gives the clock time later today, and "tomorrow" with the time after local midnight', () => {
    expect(english(whenPhrase(now + 3 * HOUR, now, 'en-US', zone))).toBe('at 1:00 PM');
    expect(english(whenPhrase(now + 24 * HOUR, now, 'en-US', zone))).toBe('tomorrow 10:00 AM');
    expect(inItalian(whenPhrase(now + 24 * HOUR, now, 'it-IT', zone))).toBe('domani alle 10:00');
    // 23:30 to 00:30 in Rome: one hour, but another calendar day.
    const lateEvening = Date.UTC(2026, 10, 27, 22, 30);
    expect(english(whenPhrase(lateEvening + HOUR, lateEvening, 'en-GB', zone))).toBe('tomorrow 00:30');
  });

  it('names the weekday within the week and the date beyond it', () => {
    expect(english(whenPhrase(now + 3 * 24 * HOUR, now, 'en-US', zone))).toBe('Mon 10:00 AM');
    expect(english(whenPhrase(now + 10 * 24 * HOUR, now, 'en-US', zone))).toBe('Dec 7 10:00 AM');
  });
});

describe('the account’s schedule line', () => {
  it('reads "Next: in 8 min — window active" while the user works in the window', () => {
    expect(english(account(base))).toBe('Next: in 8 min — window active');
    expect(inItalian(account(base, 'it-IT'))).toBe('Prossima: tra 8 min — finestra attiva');
  });

  it('says the window is hidden and the client-assignment option is off when the next sync is a day away', () => {
    const status: ScheduleStatus = {
      ...base,
      reason: 'background-option-off',
      backgroundCause: 'window-hidden',
      nextSyncAt: base.lastSyncedAt! + 24 * HOUR,
    };
    expect(english(account(status))).toBe('Next: tomorrow 9:59 AM — window hidden, client assignment off');
  });

  it('says the option is on when the background cadence stays at minutes', () => {
    const status: ScheduleStatus = { ...base, reason: 'background-option-on', backgroundCause: 'window-minimised', nextSyncAt: now + 10 * MINUTE };
    expect(english(account(status))).toBe('Next: in 10 min — window minimised, client assignment on');
  });

  it('says why automatic sync is paused', () => {
    expect(english(account({ ...base, reason: 'offline', nextSyncAt: null }))).toBe('Paused — offline');
    expect(english(account({ ...base, reason: 'suspended', nextSyncAt: null }))).toBe('Paused — computer asleep');
  });

  it('keeps the reason visible while a sync runs, and counts failures on a retry', () => {
    expect(english(account({ ...base, syncing: true, nextSyncAt: null }))).toBe('Next: after this sync — window active');
    expect(english(account({ ...base, failedAttempts: 2, nextSyncAt: now + 2 * MINUTE }))).toBe('Retry in 2 min — failed attempts: 2');
  });

  it('uses only keys both translations have, for every reason, cause and state', () => {
    const reasons = ['active', 'background-option-on', 'background-option-off', 'offline', 'suspended', 'not-started'] as const;
    const causes = ['window-minimised', 'window-hidden', 'screen-locked', 'user-inactive'] as const;
    const statuses: ScheduleStatus[] = [
      { ...base, syncing: true },
      { ...base, failedAttempts: 1 },
      ...reasons.flatMap((reason) => [{ ...base, reason }, { ...base, reason, nextSyncAt: null }]),
      ...causes.map((backgroundCause) => ({ ...base, reason: 'background-option-on' as const, backgroundCause })),
    ];
    for (const status of statuses) {
      const phrase = account(status);
      expect(() => english(phrase), phraseKeys(phrase).join()).not.toThrow();
      expect(() => inItalian(phrase), phraseKeys(phrase).join()).not.toThrow();
      expect(english(phrase)).not.toContain('{{');
    }
  });
});

describe('the open mailbox’s sync line', () => {
  it('reads "Synced 9:59 AM · next in 8 min"', () => {
    expect(english(mailboxSyncPhrase({ lastSyncedAt: now - MINUTE, schedule: base }, now, 'en-US', zone))).toBe('Synced 9:59 AM · next in 8 min');
    expect(inItalian(mailboxSyncPhrase({ lastSyncedAt: now - MINUTE, schedule: base }, now, 'it-IT', zone))).toBe(
      'Sincronizzata: 09:59 · prossima tra 8 min',
    );
  });

  it('says a folder that never synced is not synced yet, and a paused schedule why', () => {
    const paused: ScheduleStatus = { ...base, reason: 'offline', nextSyncAt: null };
    expect(english(mailboxSyncPhrase({ lastSyncedAt: null, schedule: paused }, now, 'en-US', zone))).toBe('Not synced yet · paused — offline');
  });

  it('says "syncing now" during a sync, and only the last sync before the schedule is known', () => {
    expect(english(mailboxSyncPhrase({ lastSyncedAt: now - MINUTE, schedule: { ...base, syncing: true } }, now, 'en-US', zone))).toBe(
      'Synced 9:59 AM · syncing now',
    );
    expect(english(mailboxSyncPhrase({ lastSyncedAt: now - MINUTE, schedule: undefined }, now, 'en-US', zone))).toBe('Synced 9:59 AM');
  });
});

describe('the unified inbox’s schedule', () => {
  const later = { ...base, accountId: 'a2', nextSyncAt: now + 20 * MINUTE };

  it('follows the account syncing now, else the one due first', () => {
    expect(soonestSchedule([later, base])?.accountId).toBe('a1');
    expect(soonestSchedule([base, { ...later, syncing: true }])?.accountId).toBe('a2');
    expect(soonestSchedule([{ ...base, nextSyncAt: null }, later])?.accountId).toBe('a2');
    expect(soonestSchedule([])).toBeUndefined();
  });

  it('is only as fresh as its stalest inbox', () => {
    expect(stalestSync([now - MINUTE, now - HOUR])).toBe(now - HOUR);
    expect(stalestSync([now - MINUTE, null])).toBeNull();
  });
});
