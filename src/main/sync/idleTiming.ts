/**
 * The two clocks of an IDLE connection, kept apart from the connection itself so they can be tested on fake time:
 * how long to wait before reconnecting after a drop, and how a burst of server events becomes a single sync.
 */
import type { Timers } from '../scheduler/scheduler';

export interface ReconnectBackoff {
  /** Delay after the first drop or failed attempt. */
  firstMs: number;
  /** No wait is ever longer than this, so a server that comes back is reached within it. */
  maxMs: number;
}

export const DEFAULT_RECONNECT_BACKOFF: ReconnectBackoff = { firstMs: 5_000, maxMs: 5 * 60_000 };

/**
 * The wait before attempt number `failures + 1`: doubling from `firstMs` up to `maxMs`. Even a server that accepts
 * and at once drops every connection is asked at most once per `firstMs`, never in a tight loop.
 */
export function reconnectDelayMs(failures: number, backoff: ReconnectBackoff): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** doublings);
}

export interface Debouncer {
  /** (Re)starts the quiet period; `fire` runs once it passes with no further trigger. */
  trigger(): void;
  cancel(): void;
}

/**
 * A delivery that sets \Recent, a client that expunges 50 messages, a flag change on a thread: each arrives as a
 * burst of untagged responses. Waiting for `quietMs` of silence turns the burst into one sync.
 */
export function createDebouncer(timers: Timers, quietMs: number, fire: () => void): Debouncer {
  let timer: unknown = null;
  const cancel = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return {
    trigger() {
      cancel();
      timer = timers.setTimeout(() => {
        timer = null;
        fire();
      }, quietMs);
    },
    cancel,
  };
}
