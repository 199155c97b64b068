import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockVerifiedMailbox } from '../mailbox';

/**
 * A message's complete source as the server stores it (BODY.PEEK[], RFC 3501 §6.4.5): the bytes a forward as
 * attachment carries, so the recipient sees the original exactly, headers and signatures intact. PEEK keeps the
 * message's \Seen flag as it was.
 */
export async function fetchSource(
  client: ImapFlow,
  args: { path: string; uidValidity: number | null; uid: number; timeoutMs?: number },
): Promise<Buffer> {
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withDeadline(client, `source of UID ${args.uid} in ${args.path}`, timeoutMs, async () => {
    const lock = await lockVerifiedMailbox(client, args.path, args.uidValidity);
    try {
      const message = await client.fetchOne(String(args.uid), { uid: true, source: true }, { uid: true });
      if (!message || !message.source) throw new PostinoError('not-found', `UID ${args.uid} is not in ${args.path} (any more)`);
      return message.source;
    } finally {
      lock.release();
    }
  });
}
