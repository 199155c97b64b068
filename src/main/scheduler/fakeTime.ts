/**
 * A fake clock and timers for tests of time-driven code. `advance` lets time pass with the machine awake (timers
 * fire in order, promises settle between them); `sleep` models a suspended machine: the wall clock jumps while
 * pending timers keep their remaining delay, as libuv's monotonic timers do across a suspend.
 */
import type { Clock, Timers } from './scheduler';

export interface FakeTime {
  clock: Clock;
  timers: Timers;
  now(): number;
  /** Lets `ms` pass awake, firing every timer that falls due. */
  advance(ms: number): Promise<void>;
  /** Lets `ms` pass asleep: no timer fires, and each pending one is pushed back by `ms`. */
  sleep(ms: number): void;
  /** Delays of the pending timers, soonest first. */
  pendingDelays(): number[];
}

interface PendingTimer {
  id: number;
  fireAt: number;
  callback: () => void;
}

/** Lets every settled promise run its callbacks: setImmediate runs after the microtask queue is empty. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function createFakeTime(startAt: number): FakeTime {
  let now = startAt;
  let nextId = 1;
  let pending: PendingTimer[] = [];

  const timers: Timers = {
    setTimeout(callback, delayMs) {
      const timer = { id: nextId++, fireAt: now + Math.max(0, delayMs), callback };
      pending.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      pending = pending.filter((timer) => timer.id !== handle);
    },
  };

  function soonest(until: number): PendingTimer | undefined {
    const due = pending.filter((timer) => timer.fireAt <= until);
    return due.sort((a, b) => a.fireAt - b.fireAt || a.id - b.id)[0];
  }

  return {
    clock: { now: () => now },
    timers,
    now: () => now,
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (let timer = soonest(until); timer; timer = soonest(until)) {
        const firing = timer;
        pending = pending.filter((other) => other !== firing);
        now = Math.max(now, firing.fireAt);
        firing.callback();
        await settle();
      }
      now = until;
    },
    sleep(ms) {
      now += ms;
      for (const timer of pending) timer.fireAt += ms;
    },
    pendingDelays: () => pending.map((timer) => timer.fireAt - now).sort((a, b) => a - b),
  };
}
