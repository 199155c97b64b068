/** UID sets as IMAP writes them ("1:5,7,9:12", RFC 3501 §9 sequence-set) and the batching of UID lists. */

/** Compacts ascending UIDs into a sequence-set; unsorted input is sorted first. */
export function compactUids(uids: readonly number[]): string {
  const sorted = isAscending(uids) ? uids : [...uids].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let end = start;
  for (let i = 1; i <= sorted.length; i++) {
    const uid = sorted[i];
    if (uid !== undefined && end !== undefined && (uid === end + 1 || uid === end)) {
      end = uid;
      continue;
    }
    if (start !== undefined && end !== undefined) ranges.push(start === end ? `${start}` : `${start}:${end}`);
    start = uid;
    end = uid;
  }
  return ranges.join(',');
}

/** Expands a sequence-set of concrete numbers ("1:5,7") into ascending UIDs; `*` is not allowed here. */
export function expandUidSet(set: string): number[] {
  const uids: number[] = [];
  for (const piece of set.split(',')) {
    if (!piece) continue;
    const [first, last] = piece.split(':').map((n) => Number.parseInt(n, 10));
    if (first === undefined || Number.isNaN(first)) continue;
    const to = last === undefined || Number.isNaN(last) ? first : last;
    for (let uid = Math.min(first, to); uid <= Math.max(first, to); uid++) uids.push(uid);
  }
  return uids.sort((a, b) => a - b);
}

/**
 * Splits ascending UIDs into batches, newest first: the first batch holds the `firstSize` highest UIDs (what the
 * list shows first), the following ones `restSize` each, going down.
 */
export function batchesNewestFirst(ascendingUids: readonly number[], firstSize: number, restSize: number): number[][] {
  const batches: number[][] = [];
  let end = ascendingUids.length;
  let size = firstSize;
  while (end > 0) {
    const start = Math.max(0, end - size);
    batches.push(ascendingUids.slice(start, end));
    end = start;
    size = restSize;
  }
  return batches;
}

/** Elements of ascending `a` that are not in ascending `b`, in one merge pass. */
export function ascendingDifference(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const value of a) {
    while (j < b.length && (b[j] as number) < value) j++;
    if (b[j] !== value) out.push(value);
  }
  return out;
}

function isAscending(uids: readonly number[]): boolean {
  for (let i = 1; i < uids.length; i++) if ((uids[i] as number) < (uids[i - 1] as number)) return false;
  return true;
}
