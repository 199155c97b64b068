import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { expandUidSet } from './uidSet';

/**
 * UIDs of the selected folder in `uidRange` ("1:*", "500:*"), ascending. With ESEARCH (RFC 4731) the answer is a
 * compact set ("1:100000") instead of 100,000 numbers on the wire.
 */
export async function searchUids(client: ImapFlow, uidRange: string): Promise<number[]> {
  const query = uidRange === '1:*' ? { all: true } : { uid: uidRange };
  const result = client.capabilities.has('ESEARCH')
    ? await client.search(query, { uid: true, returnOptions: ['ALL'] })
    : await client.search(query, { uid: true });
  if (result === false || result === undefined) {
    throw new PostinoError('server-dropped', `UID SEARCH ${uidRange} was refused or the folder closed`);
  }
  if (Array.isArray(result)) return [...result].sort((a, b) => a - b);
  return result.all ? expandUidSet(result.all) : [];
}
