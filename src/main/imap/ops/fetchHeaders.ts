import type { ImapFlow } from 'imapflow';
import type { HeaderRecord } from '../../sync/sink';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { HEADER_QUERY, toHeaderRecord } from '../headerRecord';
import { lockMailbox } from '../mailbox';
import { compactUids } from '../uidSet';

export interface FetchHeadersArgs {
  path: string;
  /** One batch of UIDs; messages expunged meanwhile are simply absent from the result. */
  uids: readonly number[];
  timeoutMs?: number;
}

/** One UID FETCH of everything the message list needs; returned newest first. */
export async function fetchHeaders(client: ImapFlow, args: FetchHeadersArgs): Promise<HeaderRecord[]> {
  if (args.uids.length === 0) return [];
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withDeadline(client, `UID FETCH headers in ${args.path}`, timeoutMs, async (deadline) => {
    const lock = await lockMailbox(client, args.path);
    try {
      const records: HeaderRecord[] = [];
      for await (const message of client.fetch(compactUids(args.uids), HEADER_QUERY, { uid: true })) {
        deadline.extend();
        records.push(toHeaderRecord(message));
      }
      return records.sort((a, b) => b.uid - a.uid);
    } finally {
      lock.release();
    }
  });
}
