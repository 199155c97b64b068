import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../shared/api/compose';
import { createDraftSaver } from './draftSaver';

const draft = (revision: number, subject = ''): Draft => ({
  draftId: 'd1', accountId: 'a', revision, to: [], cc: [], bcc: [], subject, html: '', attachments: [],
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('draft saving', () => {
  it('saves once, 1.5 s after the last of a burst of changes, with the latest revision', async () => {
    const saved: number[] = [];
    const saver = createDraftSaver({ snapshot: draft, save: async (d) => void saved.push(d.revision) });
    for (let key = 0; key < 5; key += 1) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(saved).toEqual([5]);
    expect(saver.unsaved).toBe(false);
  });

  it('saves at once on flush and not again when the delay would have passed', async () => {
    const saved: number[] = [];
    const saver = createDraftSaver({ snapshot: draft, save: async (d) => void saved.push(d.revision), startRevision: 7 });
    saver.changed();
    await saver.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saved).toEqual([8]);
  });

  it('never runs two saves at once, and the one after a slow save carries the newest revision', async () => {
    const started: number[] = [];
    let release: () => void = () => {};
    let inFlight = 0;
    let mostInFlight = 0;
    const saver = createDraftSaver({
      snapshot: draft,
      save: (d) => {
        started.push(d.revision);
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        return new Promise<void>((resolve) => {
          release = () => {
            inFlight -= 1;
            resolve();
          };
        });
      },
    });
    saver.changed();
    await vi.advanceTimersByTimeAsync(1_500);
    saver.changed();
    saver.changed();
    const flushed = saver.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await flushed;
    expect(started).toEqual([1, 3]);
    expect(mostInFlight).toBe(1);
  });

  it('keeps a failed save pending and saves it with the next flush', async () => {
    const errors: unknown[] = [];
    const save = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const saver = createDraftSaver({ snapshot: draft, save, onError: (error) => errors.push(error) });
    saver.changed();
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(saver.unsaved).toBe(true);
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.unsaved).toBe(false);
  });

  it('saves nothing once stopped, so a sent message never comes back as a draft', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const saver = createDraftSaver({ snapshot: draft, save });
    saver.changed();
    await saver.stop();
    saver.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
