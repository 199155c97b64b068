import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockMailbox } from '../mailbox';
import { compactUids } from '../uidSet';
import { refusal } from './refusal';
import { uidSetChunks } from './uidChunks';

export interface ExpungeMessagesArgs {
  path: string;
  uids: readonly number[];
  timeoutMs?: number;
}

/**
 * Removes messages for good: UID STORE +FLAGS.SILENT (\Deleted) then UID EXPUNGE of exactly those UIDs (RFC 4315).
 * A plain EXPUNGE would also remove whatever else another client had marked \Deleted, so without UIDPLUS this
 * refuses rather than destroy mail the user did not choose.
 */
export async function expungeMessages(client: ImapFlow, args: ExpungeMessagesArgs): Promise<void> {
  if (args.uids.length === 0) return;
  const what = `UID EXPUNGE in ${args.path}`;
  if (!client.capabilities.has('UIDPLUS')) {
    throw new PostinoError('server-refused', `${what}: the server lacks UIDPLUS, so only the chosen messages cannot be removed`);
  }
  await withDeadline(client, what, args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, async () => {
    const lock = await lockMailbox(client, args.path);
    try {
      for (const chunk of uidSetChunks(args.uids)) {
        if (!(await client.messageDelete(compactUids(chunk), { uid: true }))) throw await refusal(client, what, [args.path]);
      }
    } finally {
      lock.release();
    }
  });
}
