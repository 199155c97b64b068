/**
 * Per-account lanes: the scheduling shared by the task runner and the outbox. Each account's queue is worked by at
 * most one pass at a time, head first; an item not due yet, or one its processor puts off, arms an unref'd timer
 * for the lane and ends the pass, so nothing behind it overtakes it. A drain asked for while a pass runs is not
 * lost: the pass looks at the queue once more before it stops (in the outbox, a message queued during a failed
 * send may be due before the failed one's retry; in the task runner the failed task stays first, so the second
 * look only re-arms the same deadline).
 */

export interface LaneItem {
  /** When the item may be tried (again); later than now means the lane waits for it. */
  nextAttemptAt: number;
}

export interface LanesOptions<Item extends LaneItem> {
  /** Names the lanes' owner in the log ("the outbox"). */
  label: string;
  /** The head of the account's queue, or null when it is empty. */
  first(accountId: string): Item | null;
  /** Works one due item; returns the delay before the queue may be looked at again, or null to go on at once. */
  process(accountId: string, item: Item): Promise<number | null>;
  /**
   * What `drained` waits for: `nothing-due` counts an item waiting for its retry as drained, `nothing-pending`
   * waits through retries until the queue is empty.
   */
  drainedWhen: 'nothing-due' | 'nothing-pending';
  /** A pass stopped without arming a retry timer: the queue is empty, or the lanes were closed. */
  idle?(accountId: string): void;
  now(): number;
  log: Pick<Console, 'warn'>;
}

export interface Lanes {
  /** Runs a pass over the account's queue, or has the pass under way look again before it stops. */
  drain(accountId: string): Promise<void>;
  /** Resolves once the account's queue is drained in the sense of `drainedWhen`. */
  drained(accountId: string): Promise<void>;
  /** The account's lane is not running and waits for its retry timer. */
  waitingForRetry(accountId: string): boolean;
  readonly closed: boolean;
  /** Stops every lane: no pass starts an item or arms a timer any more; resolves once the passes under way end. */
  close(): Promise<void>;
}

interface Lane {
  running: boolean;
  /** Another drain arrived while running: look at the queue again before stopping. */
  again: boolean;
  timer: NodeJS.Timeout | null;
  waiters: Array<() => void>;
}

export function createLanes<Item extends LaneItem>(options: LanesOptions<Item>): Lanes {
  const { first, process, now, log } = options;
  const lanes = new Map<string, Lane>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const laneOf = (accountId: string): Lane => {
    let lane = lanes.get(accountId);
    if (!lane) {
      lane = { running: false, again: false, timer: null, waiters: [] };
      lanes.set(accountId, lane);
    }
    return lane;
  };

  const drain = (accountId: string): Promise<void> => {
    // A failure here is a bug (the network's failures are handled per item): report it, keep the queue for next time.
    const running = drainLane(accountId).catch((err: unknown) => log.warn(`postino: ${options.label} of ${accountId} stopped`, err));
    inFlight.add(running);
    void running.then(() => inFlight.delete(running));
    return running;
  };

  const drainLane = async (accountId: string): Promise<void> => {
    const lane = laneOf(accountId);
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = true;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    try {
      let delay: number | null = null;
      do {
        lane.again = false;
        delay = null;
        for (let item = first(accountId); item && !closed; item = first(accountId)) {
          const wait = item.nextAttemptAt - now();
          delay = wait > 0 ? wait : await process(accountId, item);
          if (delay !== null) break;
        }
      } while (lane.again && !closed);
      // Once closed no timer is armed: close() has cleared the lanes' timers already.
      if (delay !== null && !closed) {
        lane.timer = setTimeout(() => void drain(accountId), delay);
        lane.timer.unref();
      }
      if (delay === null) options.idle?.(accountId);
      if (delay === null || options.drainedWhen === 'nothing-due') for (const resolve of lane.waiters.splice(0)) resolve();
    } finally {
      lane.running = false;
    }
  };

  return {
    drain,
    drained(accountId) {
      return new Promise((resolve) => {
        const lane = laneOf(accountId);
        const next = first(accountId);
        const waitsForRetry = next !== null && options.drainedWhen === 'nothing-due' && next.nextAttemptAt > now();
        if (!lane.running && (!next || waitsForRetry)) return resolve();
        lane.waiters.push(resolve);
      });
    },
    waitingForRetry(accountId) {
      const lane = laneOf(accountId);
      return !lane.running && lane.timer !== null;
    },
    get closed() {
      return closed;
    },
    async close() {
      closed = true;
      for (const lane of lanes.values()) if (lane.timer) clearTimeout(lane.timer);
      await Promise.all(inFlight);
    },
  };
}

/** The delay before the next attempt of an item tried `attempts` times: one step further each time, the last step repeating. */
export function retryDelay(delaysMs: readonly number[], attempts: number): number {
  return delaysMs[Math.min(attempts, delaysMs.length - 1)] ?? 60_000;
}
