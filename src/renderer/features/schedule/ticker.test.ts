import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker, TICK_INTERVAL_MS } from './ticker';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 27, 9, 0));
});
afterEach(() => vi.useRealTimers());

describe('the page ticker', () => {
  it('ticks every 30 seconds, not every second', () => {
    const ticker = createTicker();
    const listener = vi.fn();
    ticker.subscribe(listener);
    vi.advanceTimersByTime(29_999);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * 60_000);
    expect(listener).toHaveBeenCalledTimes(21);
    expect(TICK_INTERVAL_MS).toBe(30_000);
  });

  it('keeps one interval for every subscriber and notifies each once per tick', () => {
    const setInterval = vi.fn((callback: () => void, ms: number) => globalThis.setInterval(callback, ms));
    const ticker = createTicker({ setInterval });
    const listeners = [vi.fn(), vi.fn(), vi.fn()];
    for (const listener of listeners) ticker.subscribe(listener);
    vi.advanceTimersByTime(30_000);
    expect(setInterval).toHaveBeenCalledTimes(1);
    for (const listener of listeners) expect(listener).toHaveBeenCalledTimes(1);
  });

  it('holds the same time between ticks, so renders in between see no change', () => {
    const ticker = createTicker();
    ticker.subscribe(() => {});
    const first = ticker.now();
    vi.advanceTimersByTime(20_000);
    expect(ticker.now()).toBe(first);
    vi.advanceTimersByTime(10_000);
    expect(ticker.now()).toBe(first + 30_000);
  });

  it('stops its interval when the last subscriber leaves, and starts from the current time when one returns', () => {
    const ticker = createTicker();
    const unsubscribe = ticker.subscribe(() => {});
    unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5 * 60_000);
    ticker.subscribe(() => {});
    expect(ticker.now()).toBe(Date.now());
    expect(vi.getTimerCount()).toBe(1);
  });

  it('ticks at once when woken, and when its wake source fires (the page shown again)', () => {
    let fireWakeSource = () => {};
    const stopWakeSource = vi.fn();
    const ticker = createTicker({
      wakeSource: (wake) => {
        fireWakeSource = wake;
        return stopWakeSource;
      },
    });
    const listener = vi.fn();
    const unsubscribe = ticker.subscribe(listener);
    vi.setSystemTime(Date.now() + 5_000);
    ticker.wake();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ticker.now()).toBe(Date.now());
    vi.setSystemTime(Date.now() + 5_000);
    fireWakeSource();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(stopWakeSource).toHaveBeenCalledTimes(1);
  });

  it('does not notify when woken within the same millisecond', () => {
    const ticker = createTicker();
    const listener = vi.fn();
    ticker.subscribe(listener);
    ticker.wake();
    expect(listener).not.toHaveBeenCalled();
  });
});
