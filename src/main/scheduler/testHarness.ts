/** A scheduler on fake time with a recording sync engine, for the scheduler's tests. */
import { applySchedulePatch, DEFAULT_SCHEDULE_SETTINGS, type ScheduleSettingsPatch, type ScheduleStatus } from '../../shared/schedule';
import { createFakeTime, type FakeTime } from './fakeTime';
import { createScheduler, type Scheduler, type SyncReason, type SyncTarget } from './scheduler';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Friday 27 November 2026, 08:00 UTC: "minute 0" of every scenario. */
export const T0 = Date.UTC(2026, 10, 27, 8, 0);

export interface SyncCall {
  /** Minutes since T0. */
  minute: number;
  target: SyncTarget;
  reason: SyncReason;
}

export interface Harness {
  time: FakeTime;
  scheduler: Scheduler;
  calls: SyncCall[];
  /** Status changes as the listener received them, with the minute they arrived. */
  changes: Array<{ minute: number; status: ScheduleStatus }>;
  accounts: string[];
  /** Minutes of the sync calls so far. */
  syncMinutes(): number[];
  /** Lets time pass awake up to `minute` since T0; with `inputEvery`, the user types every that many minutes. */
  until(minute: number, options?: { inputEvery?: number }): Promise<void>;
  /** Minutes since T0 of an epoch-ms time. */
  minuteOf(at: number | null): number | null;
}

export interface HarnessOptions {
  accounts?: string[];
  settings?: ScheduleSettingsPatch;
  /** Replaces the engine, which by default completes every sync at once. */
  runSync?: (target: SyncTarget, reason: SyncReason) => Promise<void>;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const time = createFakeTime(T0);
  const calls: SyncCall[] = [];
  const changes: Harness['changes'] = [];
  const accounts = options.accounts ?? ['work'];
  const minuteOf = (at: number | null): number | null => (at === null ? null : (at - T0) / MINUTE);
  const scheduler = createScheduler({
    clock: time.clock,
    timers: time.timers,
    accounts: () => accounts,
    settings: applySchedulePatch(DEFAULT_SCHEDULE_SETTINGS, options.settings ?? {}),
    runSync: (target, reason) => {
      calls.push({ minute: (time.now() - T0) / MINUTE, target, reason });
      return options.runSync ? options.runSync(target, reason) : Promise.resolve();
    },
  });
  scheduler.onChange((status) => changes.push({ minute: (time.now() - T0) / MINUTE, status }));

  async function until(minute: number, untilOptions: { inputEvery?: number } = {}): Promise<void> {
    const end = T0 + minute * MINUTE;
    const step = untilOptions.inputEvery;
    if (step === undefined) return time.advance(end - time.now());
    while (time.now() < end) {
      await time.advance(Math.min(step * MINUTE, end - time.now()));
      scheduler.dispatch({ type: 'user-input' });
    }
  }

  return {
    time,
    scheduler,
    calls,
    changes,
    accounts,
    syncMinutes: () => calls.map((call) => call.minute),
    until,
    minuteOf,
  };
}
