import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockVerifiedMailbox } from '../mailbox';

export interface FetchedAttachment {
  /** Decoded bytes: transfer encoding removed, never charset-converted (a .txt attachment stays as sent). */
  content: Buffer;
  contentType: string;
  filename: string | null;
}

/** One body part, on demand, when the user opens or saves an attachment. */
export async function fetchAttachment(
  client: ImapFlow,
  args: { path: string; uidValidity: number | null; uid: number; part: string; timeoutMs?: number },
): Promise<FetchedAttachment> {
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withDeadline(client, `attachment ${args.part} of UID ${args.uid} in ${args.path}`, timeoutMs, async (deadline) => {
    const lock = await lockVerifiedMailbox(client, args.path, args.uidValidity);
    try {
      const download = await client.download(String(args.uid), args.part, { uid: true, decodeText: false });
      if (!download.content) {
        throw new PostinoError('not-found', `Part ${args.part} of UID ${args.uid} is not in ${args.path} (any more)`);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of download.content) {
        deadline.extend();
        chunks.push(chunk as Buffer);
      }
      return {
        content: Buffer.concat(chunks),
        contentType: download.meta.contentType ?? 'application/octet-stream',
        filename: download.meta.filename ?? null,
      };
    } finally {
      lock.release();
    }
  });
}
