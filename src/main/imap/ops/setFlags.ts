import type { ImapFlow } from 'imapflow';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockMailbox } from '../mailbox';
import { compactUids } from '../uidSet';
import { refusal } from './refusal';
import { uidSetChunks } from './uidChunks';

export interface SetFlagsArgs {
  path: string;
  uids: readonly number[];
  add: readonly string[];
  remove: readonly string[];
  timeoutMs?: number;
}

/**
 * At most two commands for any number of messages: UID STORE +FLAGS.SILENT and UID STORE -FLAGS.SILENT over one
 * compressed UID set (more only when the set outgrows a command line, see uidChunks.ts). Storing a flag a message already has is a no-op on the server, so a retried task is harmless.
 */
export async function setFlags(client: ImapFlow, args: SetFlagsArgs): Promise<void> {
  if (args.uids.length === 0 || (args.add.length === 0 && args.remove.length === 0)) return;
  const what = `UID STORE in ${args.path}`;
  await withDeadline(client, what, args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, async () => {
    const lock = await lockMailbox(client, args.path);
    try {
      const options = { uid: true, silent: true };
      for (const chunk of uidSetChunks(args.uids)) {
        const range = compactUids(chunk);
        if (args.add.length > 0 && !(await client.messageFlagsAdd(range, [...args.add], options))) {
          throw await refusal(client, what, [args.path]);
        }
        if (args.remove.length > 0 && !(await client.messageFlagsRemove(range, [...args.remove], options))) {
          throw await refusal(client, what, [args.path]);
        }
      }
    } finally {
      lock.release();
    }
  });
}
