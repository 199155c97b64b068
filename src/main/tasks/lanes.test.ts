import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLanes, type LanesOptions } from './lanes';

interface Item {
  name: string;
  nextAttemptAt: number;
}

const ACCOUNT = 'acc-1';

/** A queue ordered as the outbox orders its own: earliest attempt first, then the order of arrival. */
function queueOf(...names: string[]) {
  const items: Item[] = names.map((name) => ({ name, nextAttemptAt: 0 }));
  return {
    items,
    first: (): Item | null => [...items].sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)[0] ?? null,
    remove: (item: Item) => items.splice(items.indexOf(item), 1),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function lanesOver(queue: ReturnType<typeof queueOf>, overrides: Partial<LanesOptions<Item>> = {}) {
  const log = { warn: vi.fn() };
  const processed: string[] = [];
  const lanes = createLanes<Item>({
    label: 'the test queue',
    first: () => queue.first(),
    process: async (_accountId, item) => {
      processed.push(item.name);
      queue.remove(item);
      return null;
    },
    drainedWhen: 'nothing-pending',
    now: () => Date.now(),
    log,
    ...overrides,
  });
  return { lanes, log, processed };
}

describe('lanes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('works the queue head first, one item at a time, until it is empty', async () => {
    const queue = queueOf('a', 'b', 'c');
    const { lanes, processed } = lanesOver(queue);
    await lanes.drain(ACCOUNT);
    expect(processed).toEqual(['a', 'b', 'c']);
    expect(queue.items).toEqual([]);
  });

  it('a drain asked for during a pass makes that pass look at the queue again, so a message queued meanwhile is not left behind a retry', async () => {
    for (const drainDuringPass of [true, false]) {
      const queue = queueOf('failing');
      const sending = deferred();
      const processed: string[] = [];
      const { lanes } = lanesOver(queue, {
        process: async (_accountId, item) => {
          processed.push(item.name);
          if (item.name === 'failing') {
            await sending.promise;
            item.nextAttemptAt = Date.now() + 5_000;
            return 5_000;
          }
          queue.remove(item);
          return null;
        },
      });
      const pass = lanes.drain(ACCOUNT);
      await vi.advanceTimersByTimeAsync(0);
      queue.items.push({ name: 'queued meanwhile', nextAttemptAt: Date.now() });
      // The second drain returns at once: the pass under way takes it over.
      if (drainDuringPass) await lanes.drain(ACCOUNT);
      sending.resolve();
      await pass;
      expect(processed).toEqual(drainDuringPass ? ['failing', 'queued meanwhile'] : ['failing']);
      await lanes.close();
    }
  });

  it('an item put off arms an unreferenced timer with the returned delay, and the lane runs again when it fires', async () => {
    const queue = queueOf('a');
    const delays: Array<number | null> = [2_000, null];
    const attempts: number[] = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const { lanes } = lanesOver(queue, {
      process: async (_accountId, item) => {
        attempts.push(Date.now());
        const delay = delays.shift() ?? null;
        if (delay === null) queue.remove(item);
        return delay;
      },
    });
    await lanes.drain(ACCOUNT);
    expect(attempts).toEqual([1_000_000]);
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    expect(setTimeoutSpy.mock.calls[0]?.[1]).toBe(2_000);
    expect((setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout).hasRef()).toBe(false);
    expect(lanes.waitingForRetry(ACCOUNT)).toBe(true);

    await vi.advanceTimersByTimeAsync(1_999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1_000_000, 1_002_000]);
    expect(queue.items).toEqual([]);
    expect(lanes.waitingForRetry(ACCOUNT)).toBe(false);
  });

  it('an item that is not due yet is not processed: the lane waits for its time', async () => {
    const queue = queueOf('later');
    queue.items[0]!.nextAttemptAt = Date.now() + 3_000;
    const { lanes, processed } = lanesOver(queue);
    await lanes.drain(ACCOUNT);
    expect(processed).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(processed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(processed).toEqual(['later']);
  });

  it('once closed, a pass stops before the next item, arms no timer, and close waits for the item under way', async () => {
    for (const delayOfFirst of [null, 1_000]) {
      const queue = queueOf('a', 'b');
      const sending = deferred();
      const { lanes, processed } = lanesOver(queue, {
        process: async (_accountId, item) => {
          processed.push(item.name);
          await sending.promise;
          if (delayOfFirst === null) queue.remove(item);
          return delayOfFirst;
        },
      });
      void lanes.drain(ACCOUNT);
      await vi.advanceTimersByTimeAsync(0);
      let closed = false;
      const closing = lanes.close().then(() => (closed = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(lanes.closed).toBe(true);
      expect(closed).toBe(false);
      sending.resolve();
      await closing;
      expect(lanes.waitingForRetry(ACCOUNT)).toBe(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(processed).toEqual(['a']);
    }
  });

  it('a processor that throws is logged with the owner and account, and the lane takes the next drain', async () => {
    const queue = queueOf('a');
    let calls = 0;
    const { lanes, log } = lanesOver(queue, {
      process: async (_accountId, item) => {
        calls += 1;
        if (calls === 1) throw new Error('a bug');
        queue.remove(item);
        return null;
      },
    });
    await lanes.drain(ACCOUNT);
    expect(log.warn).toHaveBeenCalledWith('postino: the test queue of acc-1 stopped', expect.objectContaining({ message: 'a bug' }));
    expect(queue.items).toHaveLength(1);
    await lanes.drain(ACCOUNT);
    expect(calls).toBe(2);
    expect(queue.items).toEqual([]);
  });

  it('drained: "nothing-due" resolves while the head waits for its retry, "nothing-pending" waits through the retry', async () => {
    for (const drainedWhen of ['nothing-due', 'nothing-pending'] as const) {
      const queue = queueOf('a');
      const delays: Array<number | null> = [1_000, null];
      const idle = vi.fn();
      const { lanes } = lanesOver(queue, {
        drainedWhen,
        idle,
        process: async (_accountId, item) => {
          const delay = delays.shift() ?? null;
          if (delay === null) queue.remove(item);
          else item.nextAttemptAt = Date.now() + delay;
          return delay;
        },
      });
      let drained = false;
      void lanes.drained(ACCOUNT).then(() => (drained = true));
      void lanes.drain(ACCOUNT);
      await vi.advanceTimersByTimeAsync(0);
      expect(drained).toBe(drainedWhen === 'nothing-due');
      expect(idle).not.toHaveBeenCalled();
      let drainedDuringRetry = false;
      void lanes.drained(ACCOUNT).then(() => (drainedDuringRetry = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(drainedDuringRetry).toBe(drainedWhen === 'nothing-due');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(drained).toBe(true);
      expect(idle).toHaveBeenCalledWith(ACCOUNT);
    }
  });

  it('drained resolves at once for a lane that is not running and has nothing to do', async () => {
    const { lanes } = lanesOver(queueOf());
    await expect(lanes.drained(ACCOUNT)).resolves.toBeUndefined();
  });
});
