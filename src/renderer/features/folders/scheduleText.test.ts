import { describe, expect, it } from 'vitest';
import type { ScheduleStatus } from '../../../shared/schedule';
import en from '../../i18n/en.json';
import { scheduleLine } from './scheduleText';

const now = Date.UTC(2026, 10, 27, 10, 0);
const base: ScheduleStatus = {
  accountId: 'a1',
  lastSyncedAt: now - 60_000,
  nextSyncAt: now + 8 * 60_000,
  reason: 'active',
  backgroundCause: null,
  syncing: false,
  failedAttempts: 0,
  holdIdleConnection: false,
};

function hasKey(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string';
}

describe('scheduleLine', () => {
  it('says when the next sync is, relative to now', () => {
    expect(scheduleLine(base, now, 'en')).toEqual({ key: 'schedule.next.active', values: { when: 'in 8 minutes' } });
  });

  it('names what put the app in the background', () => {
    const status: ScheduleStatus = { ...base, reason: 'background-option-off', backgroundCause: 'user-inactive', nextSyncAt: now + 3 * 3_600_000 };
    expect(scheduleLine(status, now, 'en')).toEqual({
      key: 'schedule.next.background-option-off',
      values: { when: 'in 3 hours' },
      causeKey: 'schedule.cause.user-inactive',
    });
  });

  it('counts failed attempts on a retry', () => {
    expect(scheduleLine({ ...base, failedAttempts: 2 }, now, 'en').values.failedAttempts).toBe('2');
  });

  it('produces only keys the translations have', () => {
    const reasons = ['active', 'background-option-on', 'background-option-off', 'offline', 'suspended', 'not-started'] as const;
    const causes = ['window-minimised', 'window-hidden', 'screen-locked', 'user-inactive'] as const;
    const statuses: ScheduleStatus[] = [
      { ...base, syncing: true },
      { ...base, failedAttempts: 1 },
      ...reasons.flatMap((reason) => [{ ...base, reason }, { ...base, reason, nextSyncAt: null }]),
      ...causes.map((backgroundCause) => ({ ...base, reason: 'background-option-on' as const, backgroundCause })),
    ];
    for (const status of statuses) {
      const line = scheduleLine(status, now, 'en');
      expect(hasKey(line.key), line.key).toBe(true);
      if (line.causeKey) expect(hasKey(line.causeKey), line.causeKey).toBe(true);
    }
  });
});
