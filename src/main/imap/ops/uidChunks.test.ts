import { describe, expect, it } from 'vitest';
import { compactUids } from '../uidSet';
import { uidSetChunks } from './uidChunks';

describe('uidSetChunks', () => {
  it('keeps a contiguous range of any size in one command', () => {
    const uids = Array.from({ length: 100_000 }, (_, i) => i + 1);
    expect(uidSetChunks(uids).map((chunk) => compactUids(chunk))).toEqual(['1:100000']);
  });

  it('splits 10,000 scattered UIDs into sets no longer than the limit, losing none', () => {
    const uids = Array.from({ length: 10_000 }, (_, i) => 100_000 + i * 2);
    const chunks = uidSetChunks(uids);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(10);
    for (const chunk of chunks) expect(compactUids(chunk).length).toBeLessThanOrEqual(16_000);
    expect(chunks.flat()).toEqual(uids);
  });
});
