/**
 * One clock for every relative time on screen ("in 8 min", "Synced 2 minutes ago"): a single interval however
 * many lines subscribe, a snapshot that changes only on a tick (so React re-renders the lines twice a minute,
 * never per second), and no timer at all while nothing subscribes.
 */

export const TICK_INTERVAL_MS = 30_000;

export interface Ticker {
  /** The time of the last tick: stable between ticks, as `useSyncExternalStore` needs. */
  now(): number;
  /** Called on every tick; the interval runs while at least one listener is subscribed. */
  subscribe(listener: () => void): () => void;
  /** Ticks at once: the schedule changed, or the page came back after its timers were throttled. */
  wake(): void;
}

export interface TickerDeps {
  intervalMs?: number;
  clock?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /**
   * Something that calls `wake` while the ticker runs (the page becoming visible again: a hidden page's timers
   * fire late, so its times are stale the moment it is shown); returns its own unsubscribe.
   */
  wakeSource?: (wake: () => void) => () => void;
}

export function createTicker(deps: TickerDeps = {}): Ticker {
  const intervalMs = deps.intervalMs ?? TICK_INTERVAL_MS;
  const clock = deps.clock ?? Date.now;
  const startInterval = deps.setInterval ?? ((callback: () => void, ms: number) => globalThis.setInterval(callback, ms));
  const stopInterval = deps.clearInterval ?? ((handle: unknown) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
  const listeners = new Set<() => void>();
  let snapshot = clock();
  let running: { interval: unknown; stopWakeSource: () => void } | null = null;

  const tick = () => {
    const time = clock();
    if (time === snapshot) return;
    snapshot = time;
    for (const listener of [...listeners]) listener();
  };

  const start = () => {
    // The snapshot aged while nobody watched: the first subscriber must not render a time from minutes ago.
    snapshot = clock();
    running = { interval: startInterval(tick, intervalMs), stopWakeSource: deps.wakeSource?.(tick) ?? (() => {}) };
  };

  const stop = () => {
    if (!running) return;
    stopInterval(running.interval);
    running.stopWakeSource();
    running = null;
  };

  return {
    now: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (!running) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    wake: tick,
  };
}
