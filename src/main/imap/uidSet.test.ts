import { describe, expect, it } from 'vitest';
import { ascendingDifference, batchesNewestFirst, compactUids, expandUidSet } from './uidSet';

describe('UID sets', () => {
  it('compacts runs of consecutive UIDs into ranges', () => {
    expect(compactUids([1, 2, 3, 5, 7, 8, 9, 12])).toBe('1:3,5,7:9,12');
    expect(compactUids([4])).toBe('4');
    expect(compactUids([])).toBe('');
  });

  it('sorts and de-duplicates before compacting', () => {
    expect(compactUids([9, 3, 2, 3, 1])).toBe('1:3,9');
  });

  it('expands a sequence-set back into ascending UIDs', () => {
    expect(expandUidSet('7:9,1:3,5')).toEqual([1, 2, 3, 5, 7, 8, 9]);
    expect(expandUidSet('')).toEqual([]);
  });

  it('batches newest first with a small first batch', () => {
    const uids = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(batchesNewestFirst(uids, 3, 4)).toEqual([[8, 9, 10], [4, 5, 6, 7], [1, 2, 3]]);
    expect(batchesNewestFirst([], 3, 4)).toEqual([]);
  });

  it('finds what one ascending list has that the other lacks', () => {
    expect(ascendingDifference([1, 2, 3, 5, 8], [2, 5, 6])).toEqual([1, 3, 8]);
    expect(ascendingDifference([], [1])).toEqual([]);
  });
});
