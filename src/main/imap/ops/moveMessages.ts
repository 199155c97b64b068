import type { ImapFlow } from 'imapflow';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockMailbox } from '../mailbox';
import { compactUids } from '../uidSet';
import { refusal } from './refusal';

export interface MoveMessagesArgs {
  path: string;
  uids: readonly number[];
  destination: string;
  timeoutMs?: number;
}

export interface MoveResult {
  /** Source UID → UID in the destination, from COPYUID (RFC 4315); empty when the server did not say. */
  uidMap: Map<number, number>;
}

/**
 * One UID MOVE (RFC 6851) for the whole set. imapflow falls back to UID COPY + UID STORE +FLAGS \Deleted +
 * UID EXPUNGE (UIDPLUS) when the server lacks MOVE, and reads COPYUID from either the untagged OK that a MOVE
 * sends before its EXPUNGEs or the tagged OK of a COPY. UIDs no longer in the folder (a retried task whose first
 * run did move them) are skipped by the server without an error and simply absent from the map.
 */
export async function moveMessages(client: ImapFlow, args: MoveMessagesArgs): Promise<MoveResult> {
  if (args.uids.length === 0) return { uidMap: new Map() };
  const what = `UID MOVE from ${args.path} to ${args.destination}`;
  return withDeadline(client, what, args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, async () => {
    const lock = await lockMailbox(client, args.path);
    try {
      const result = await client.messageMove(compactUids(args.uids), args.destination, { uid: true });
      if (!result) throw await refusal(client, what, [args.destination, args.path]);
      return { uidMap: result.uidMap ?? new Map() };
    } finally {
      lock.release();
    }
  });
}
