/**
 * Turns a burst of calls into one call at the end of a `delayMs` window: the store reports a change per write
 * batch during a sync, and refetching more often than a person can see only costs work.
 */
export function coalesce(run: () => void, delayMs: number): { trigger(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    trigger() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
