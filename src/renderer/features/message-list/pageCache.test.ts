import { describe, expect, it } from 'vitest';
import type { MessagePage, MessageSummary } from '../../../shared/types';
import { createPageCache, pagesCovering } from './pageCache';

function summary(id: number): MessageSummary {
  return { id, subject: `Message ${id}` } as MessageSummary;
}

/** A folder of `total` messages whose fetches the test answers by hand, in any order. */
function fakeFolder(total: number) {
  const calls: Array<{ offset: number; limit: number; answer: (shift?: number) => void; fail: () => void }> = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<MessagePage>((resolve, reject) => {
      calls.push({
        offset,
        limit,
        answer: (shift = 0) => {
          const rows = [];
          for (let i = offset; i < Math.min(total, offset + limit); i += 1) rows.push(summary(i + shift));
          resolve({ total, offset, rows });
        },
        fail: () => reject(new Error('offline')),
      });
    });
  return { calls, fetchPage };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pagesCovering', () => {
  it('lists the pages a range of rows touches', () => {
    expect(pagesCovering(0, 49, 50)).toEqual([0]);
    expect(pagesCovering(40, 120, 50)).toEqual([0, 1, 2]);
    expect(pagesCovering(5, 4, 50)).toEqual([]);
  });
});

describe('createPageCache', () => {
  it('fetches only the pages on screen, once each, even when asked again while loading', async () => {
    const folder = fakeFolder(100_000);
    let changes = 0;
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => changes++, onError: () => {} });
    cache.ensureRange(0, 30);
    cache.ensureRange(10, 40);
    expect(folder.calls.map((call) => call.offset)).toEqual([0]);
    expect(cache.row(5)).toBeUndefined();
    folder.calls[0]?.answer();
    await settle();
    expect(cache.total()).toBe(100_000);
    expect(cache.row(5)?.id).toBe(5);
    expect(changes).toBe(1);

    cache.ensureRange(54_950, 55_020);
    expect(folder.calls.map((call) => call.offset)).toEqual([0, 54_900, 55_000]);
  });

  it('refetches the visible pages on refresh and forgets the others', async () => {
    const folder = fakeFolder(1000);
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => {}, onError: () => {} });
    cache.ensureRange(0, 250);
    folder.calls.forEach((call) => call.answer());
    await settle();
    expect(cache.row(250)?.id).toBe(250);

    cache.refresh(0, 50);
    expect(folder.calls.slice(3).map((call) => call.offset)).toEqual([0]);
    expect(cache.row(250)).toBeUndefined();
    expect(cache.row(10)?.id).toBe(10);
    folder.calls[3]?.answer(1);
    await settle();
    expect(cache.row(10)?.id).toBe(11);
  });

  it('finds where a message is among the loaded rows after a refresh moved it', async () => {
    const folder = fakeFolder(300);
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => {}, onError: () => {} });
    cache.ensureRange(0, 150);
    folder.calls.forEach((call) => call.answer());
    await settle();
    expect(cache.indexOf(120)).toBe(120);
    cache.refresh(100, 150);
    folder.calls[2]?.answer(1);
    await settle();
    expect(cache.indexOf(120)).toBe(119);
    expect(cache.indexOf(5)).toBeNull();
    // The refresh forgot page 0 (off screen) and brought page 1 anew.
    expect(cache.loadedRows().map((row) => row.id)).toEqual(Array.from({ length: 100 }, (_, i) => 101 + i));
  });

  it('drops an answer that a refresh has overtaken', async () => {
    const folder = fakeFolder(500);
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => {}, onError: () => {} });
    cache.ensureRange(0, 10);
    cache.refresh(0, 10);
    folder.calls[1]?.answer(7);
    await settle();
    folder.calls[0]?.answer(0);
    await settle();
    expect(cache.row(0)?.id).toBe(7);
  });

  it('reports a failed page and fetches it again when asked later', async () => {
    const folder = fakeFolder(500);
    const errors: unknown[] = [];
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => {}, onError: (e) => errors.push(e) });
    cache.ensureRange(0, 10);
    folder.calls[0]?.fail();
    await settle();
    expect(errors).toHaveLength(1);
    cache.ensureRange(0, 10);
    expect(folder.calls).toHaveLength(2);
  });

  it('ignores answers after it is disposed', async () => {
    const folder = fakeFolder(500);
    let changes = 0;
    const cache = createPageCache({ pageSize: 100, fetchPage: folder.fetchPage, onChange: () => changes++, onError: () => {} });
    cache.ensureRange(0, 10);
    cache.dispose();
    folder.calls[0]?.answer();
    await settle();
    expect(changes).toBe(0);
  });
});
