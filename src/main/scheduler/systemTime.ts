/** The real clock and timers for the composition root; tests pass a fake (fakeTime.ts). */
import type { Clock, Timers } from './scheduler';

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  // Unref'd: the scheduler alone must never keep a process (web mode, a script) alive.
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
