/**
 * One run per key at a time. A request while a run is going queues exactly one more run after it (what changed on
 * the server since the first run started is then picked up too); every further request shares that queued run.
 */
export interface Coalescer {
  run(key: string, task: () => Promise<void>): Promise<void>;
  /** Resolves when nothing runs or waits any more. */
  idle(): Promise<void>;
}

export function createCoalescer(): Coalescer {
  const running = new Map<string, Promise<void>>();
  const queued = new Map<string, Promise<void>>();

  const start = (key: string, task: () => Promise<void>): Promise<void> => {
    const run = task().finally(() => {
      if (running.get(key) === run) running.delete(key);
    });
    running.set(key, run);
    return run;
  };

  return {
    run(key, task) {
      const waiting = queued.get(key);
      if (waiting) return waiting;
      const current = running.get(key);
      if (!current) return start(key, task);
      const next = current
        .catch(() => undefined)
        .then(() => {
          queued.delete(key);
          return start(key, task);
        });
      queued.set(key, next);
      return next;
    },
    async idle() {
      while (running.size > 0 || queued.size > 0) {
        await Promise.allSettled([...running.values(), ...queued.values()]);
      }
    },
  };
}
