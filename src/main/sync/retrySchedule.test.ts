import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRetrySchedule } from './retrySchedule';

describe('retry schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('tries once per step on a widening schedule, and never arms two attempts at once', () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const schedule = createRetrySchedule([100, 400], () => attempts.push(Date.now()));
    const start = Date.now();
    schedule.schedule('a');
    schedule.schedule('a'); // already armed: arms nothing more
    vi.advanceTimersByTime(100);
    expect(attempts.map((t) => t - start)).toEqual([100]);
    schedule.schedule('a');
    vi.advanceTimersByTime(399);
    expect(attempts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    schedule.schedule('a'); // past the last step: the last delay repeats
    vi.advanceTimersByTime(400);
    expect(attempts.map((t) => t - start)).toEqual([100, 500, 900]);
  });

  it('starts from the first step again after a reset, and cancels a pending attempt', () => {
    vi.useFakeTimers();
    let attempts = 0;
    const schedule = createRetrySchedule([100, 400], () => attempts++);
    schedule.schedule('a');
    schedule.reset('a');
    vi.advanceTimersByTime(1_000);
    expect(attempts).toBe(0);
    schedule.schedule('a');
    vi.advanceTimersByTime(100);
    expect(attempts).toBe(1);
  });
});
