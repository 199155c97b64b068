import { describe, expect, it } from 'vitest';
import {
  applySchedulePatch,
  DEFAULT_SCHEDULE_SETTINGS,
  describeSchedule,
  isActivityEventName,
  validateScheduleSettings,
  type ScheduleStatus,
} from './schedule';

const NOW = 1_800_000_000_000;
const status: ScheduleStatus = {
  accountId: 'work',
  lastSyncedAt: NOW - 120_000,
  nextSyncAt: NOW + 480_000,
  reason: 'active',
  backgroundCause: null,
  syncing: false,
  failedAttempts: 0,
  holdIdleConnection: false,
};

describe('schedule settings', () => {
  it('the defaults are 10 min active, 10 min / 24 h background, 5 min idle, 30 s floor, instant mail off', () => {
    expect(DEFAULT_SCHEDULE_SETTINGS).toEqual({
      assignKnownClients: false,
      instantNewMail: false,
      syncIntervals: {
        activeMs: 600_000,
        backgroundAssignOnMs: 600_000,
        backgroundAssignOffMs: 86_400_000,
        inputIdleMs: 300_000,
        openFloorMs: 30_000,
      },
    });
    expect(() => validateScheduleSettings(DEFAULT_SCHEDULE_SETTINGS)).not.toThrow();
  });

  it.each([
    ['activeMs', 59_999],
    ['backgroundAssignOffMs', Number.POSITIVE_INFINITY],
    ['inputIdleMs', Number.NaN],
    ['openFloorMs', -1],
  ] as const)('refuses %s = %s with invalid-input naming the field', (name, value) => {
    const settings = applySchedulePatch(DEFAULT_SCHEDULE_SETTINGS, { syncIntervals: { [name]: value } });
    expect(() => validateScheduleSettings(settings)).toThrow(
      expect.objectContaining({ code: 'invalid-input', details: { field: `syncIntervals.${name}` } }),
    );
  });

  it('refuses an option that is not a boolean', () => {
    const settings = { ...DEFAULT_SCHEDULE_SETTINGS, instantNewMail: 'yes' as unknown as boolean };
    expect(() => validateScheduleSettings(settings)).toThrow(expect.objectContaining({ details: { field: 'instantNewMail' } }));
  });

  it('accepts only the event names a renderer may report', () => {
    expect(isActivityEventName('user-input')).toBe(true);
    expect(isActivityEventName('system-suspend')).toBe(false);
    expect(isActivityEventName(42)).toBe(false);
  });
});

describe('describeSchedule', () => {
  it('gives minutes until the next sync and the reason as a message key', () => {
    expect(describeSchedule(status, NOW)).toEqual({ key: 'schedule.next.active', params: { at: NOW + 480_000, inMinutes: 8 } });
  });

  it('names the background cause beside the option', () => {
    const background = { ...status, reason: 'background-option-off', backgroundCause: 'window-hidden' } as const;
    expect(describeSchedule(background, NOW)).toMatchObject({
      key: 'schedule.next.background-option-off',
      params: { cause: 'window-hidden' },
    });
  });

  it('says paused when there is no next sync, syncing while one runs, retry after failures', () => {
    expect(describeSchedule({ ...status, nextSyncAt: null, reason: 'offline' }, NOW).key).toBe('schedule.paused.offline');
    expect(describeSchedule({ ...status, syncing: true }, NOW).key).toBe('schedule.syncing');
    expect(describeSchedule({ ...status, failedAttempts: 2 }, NOW)).toMatchObject({
      key: 'schedule.retry',
      params: { failedAttempts: 2, inMinutes: 8 },
    });
  });
});
