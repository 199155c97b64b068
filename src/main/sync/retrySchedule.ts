/**
 * While a server is unreachable the engine tries again on a widening schedule, one attempt per step: a laptop on a
 * train must not hammer a server, nor fill a log, and it must come back by itself when the network does.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];

export interface RetrySchedule {
  /** Arms the next attempt for the account unless one is armed already. */
  schedule(accountId: string): void;
  /** The account is reachable again: the next failure starts from the first step. */
  reset(accountId: string): void;
  cancelAll(): void;
}

export function createRetrySchedule(delaysMs: readonly number[], attempt: (accountId: string) => void): RetrySchedule {
  const entries = new Map<string, { step: number; timer: NodeJS.Timeout | null }>();
  return {
    schedule(accountId) {
      const entry = entries.get(accountId) ?? { step: 0, timer: null };
      entries.set(accountId, entry);
      if (entry.timer !== null) return;
      const delay = delaysMs[Math.min(entry.step, delaysMs.length - 1)] ?? 60_000;
      entry.timer = setTimeout(() => {
        entry.timer = null;
        attempt(accountId);
      }, delay);
      // A pending retry must not keep the process alive on quit.
      entry.timer.unref();
      entry.step++;
    },
    reset(accountId) {
      const entry = entries.get(accountId);
      if (entry?.timer) clearTimeout(entry.timer);
      entries.delete(accountId);
    },
    cancelAll() {
      for (const entry of entries.values()) if (entry.timer) clearTimeout(entry.timer);
      entries.clear();
    },
  };
}
