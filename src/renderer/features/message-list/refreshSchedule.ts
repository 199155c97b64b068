import { coalesce } from '../../lib/coalesce';

/**
 * The first change after a quiet spell refreshes at once (the user just archived something and expects it gone
 * now); changes that follow within `delayMs` (a sync writing batch after batch) are coalesced into one refresh.
 */
export function leadingThenCoalesced(run: () => void, delayMs: number, now: () => number = Date.now): { trigger(): void; cancel(): void } {
  let lastRunAt = -Infinity;
  const trailing = coalesce(() => {
    lastRunAt = now();
    run();
  }, delayMs);
  return {
    trigger() {
      if (now() - lastRunAt < delayMs) {
        trailing.trigger();
        return;
      }
      lastRunAt = now();
      run();
    },
    cancel: () => trailing.cancel(),
  };
}
