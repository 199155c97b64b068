/**
 * imapflow answers a refused STORE, COPY, MOVE or EXPUNGE with `false` and keeps the server's words to itself.
 * The one refusal the user can act on is a folder that no longer exists, so that is asked of the server directly
 * (STATUS answers NO [NONEXISTENT] for a missing folder, RFC 5530); anything else is reported as a refusal.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';

export async function refusal(client: ImapFlow, what: string, folders: readonly string[]): Promise<PostinoError> {
  for (const path of folders) {
    const exists = await client.status(path, { messages: true }).then(
      (status) => status !== false,
      () => false,
    );
    if (!exists) return new PostinoError('not-found', `${what}: the folder ${path} does not exist on the server (any more)`, { folder: path });
  }
  return new PostinoError('server-refused', `${what}: the server refused it`);
}

/**
 * Servers bound the length of a command line (Dovecot: 64 KiB by default), and 10,000 scattered UIDs compact to
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
    const continuesRange = i > 0 && uid === (sorted[i - 1] as number) + 1;
    // A UID that extends a range costs at most the digits of the new range end; a new element its digits and a comma.
    const cost = String(uid).length + 1;
    if (!continuesRange && length + cost > maxLength && current.length > 0) {
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
