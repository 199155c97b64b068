/**
 * UID sets cut to the length a server accepts on one command line. Servers bound the length of a command line (Dovecot: 64 KiB by default), and 10,000 scattered UIDs compact to
 * about that. Larger sets are split into as few commands as stay under this many characters.
 */
export const MAX_UID_SET_LENGTH = 16_000;

/** Splits ascending-or-not UIDs into sets of at most `maxLength` characters each, in ascending order. */
export function uidSetChunks(uids: readonly number[], maxLength = MAX_UID_SET_LENGTH): number[][] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const chunks: number[][] = [];
  let current: number[] = [];
  let length = 0;
  for (let i = 0; i < sorted.length; i++) {
    const uid = sorted[i] as number;
    const continuesRange = current.length > 0 && uid === (sorted[i - 1] as number) + 1;
    const startsRange = continuesRange && !(i > 1 && sorted[i - 1] === (sorted[i - 2] as number) + 1 && current.length > 1);
    // A new element costs its digits and a comma; the first UID extending it into a range costs ":" and the
    // longest end a UID can have (10 digits); the rest of the range costs nothing.
    const cost = continuesRange ? (startsRange ? 11 : 0) : String(uid).length + 1;
    if (length + cost > maxLength && current.length > 0) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(uid);
    length += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
