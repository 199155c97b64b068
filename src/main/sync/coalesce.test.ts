import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('request coalescing', () => {
  it('never runs two tasks of the same key in parallel and folds repeated requests into one follow-up run', async () => {
    const coalescer = createCoalescer();
    const first = gate();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const task = async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      if (runs === 1) await first.opened;
      active--;
    };
    const a = coalescer.run('f1', task);
    const b = coalescer.run('f1', task);
    const c = coalescer.run('f1', task);
    expect(b).toBe(c);
    first.open();
    await Promise.all([a, b, c]);
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('runs different keys independently', async () => {
    const coalescer = createCoalescer();
    const blocker = gate();
    const slow = coalescer.run('f1', () => blocker.opened);
    let otherRan = false;
    await coalescer.run('f2', async () => {
      otherRan = true;
    });
    expect(otherRan).toBe(true);
    blocker.open();
    await slow;
  });

  it('still runs the follow-up when the first run fails', async () => {
    const coalescer = createCoalescer();
    const failing = coalescer.run('f1', () => Promise.reject(new Error('dropped')));
    const followUp = coalescer.run('f1', async () => undefined);
    await expect(failing).rejects.toThrow('dropped');
    await expect(followUp).resolves.toBeUndefined();
    await coalescer.idle();
  });
});
