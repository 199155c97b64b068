import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leadingThenCoalesced } from './refreshSchedule';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when the list refreshes after a change', () => {
  it('refreshes at once after a quiet spell, so an action shows without waiting', () => {
    const run = vi.fn();
    leadingThenCoalesced(run, 400, () => Date.now()).trigger();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('coalesces a burst of changes that follows into one more refresh', () => {
    const run = vi.fn();
    const refresh = leadingThenCoalesced(run, 400, () => Date.now());
    refresh.trigger();
    for (let i = 0; i < 10; i += 1) {
      vi.advanceTimersByTime(30);
      refresh.trigger();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(400);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('refreshes at once again once the burst is over', () => {
    const run = vi.fn();
    const refresh = leadingThenCoalesced(run, 400, () => Date.now());
    refresh.trigger();
    vi.advanceTimersByTime(1000);
    refresh.trigger();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
