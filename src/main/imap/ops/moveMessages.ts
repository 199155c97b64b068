import type { ImapFlow } from 'imapflow';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockMailbox } from '../mailbox';
import { compactUids } from '../uidSet';
import { refusal } from './refusal';
import { uidSetChunks } from './uidChunks';

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
 * One UID MOVE (RFC 6851) for the whole set, COPYUID read from the untagged OK a MOVE sends before its EXPUNGEs.
 * Without MOVE: UID COPY, then UID STORE +FLAGS.SILENT (\Deleted), then UID EXPUNGE of exactly those UIDs (RFC
 * 4315). A server without UIDPLUS either keeps the originals marked \Deleted: a plain EXPUNGE would also remove
 * what another client had marked, and the user's other clients hide \Deleted messages anyway.
 * UIDs no longer in the folder (a retried task whose first run did move them) are skipped by the server without
 * an error and are simply absent from the map.
 */
export async function moveMessages(client: ImapFlow, args: MoveMessagesArgs): Promise<MoveResult> {
  if (args.uids.length === 0) return { uidMap: new Map() };
  const what = `UID MOVE from ${args.path} to ${args.destination}`;
  return withDeadline(client, what, args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, async () => {
    const lock = await lockMailbox(client, args.path);
    try {
      const uidMap = new Map<number, number>();
      for (const chunk of uidSetChunks(args.uids)) {
        const range = compactUids(chunk);
        const result = client.capabilities.has('MOVE')
          ? await client.messageMove(range, args.destination, { uid: true })
          : await copyThenDelete(client, range, args.destination);
        if (!result) throw await refusal(client, what, [args.destination, args.path]);
        for (const [from, to] of result.uidMap ?? []) uidMap.set(from, to);
      }
      return { uidMap };
    } finally {
      lock.release();
    }
  });
}

async function copyThenDelete(client: ImapFlow, range: string, destination: string) {
  const copied = await client.messageCopy(range, destination, { uid: true });
  if (!copied) return false;
  // messageDelete is UID STORE +FLAGS (\Deleted) then UID EXPUNGE of the same set.
  const removed = client.capabilities.has('UIDPLUS')
    ? await client.messageDelete(range, { uid: true })
    : await client.messageFlagsAdd(range, ['\\Deleted'], { uid: true, silent: true });
  return removed ? copied : false;
}
