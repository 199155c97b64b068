import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs once at the end of the window however many times it is triggered', () => {
    const run = vi.fn();
    const refresh = coalesce(run, 400);
    for (let i = 0; i < 50; i += 1) refresh.trigger();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again for a trigger after the window closed', () => {
    const run = vi.fn();
    const refresh = coalesce(run, 400);
    refresh.trigger();
    vi.advanceTimersByTime(400);
    refresh.trigger();
    vi.advanceTimersByTime(400);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does not run after being cancelled', () => {
    const run = vi.fn();
    const refresh = coalesce(run, 400);
    refresh.trigger();
    refresh.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
