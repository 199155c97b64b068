import type { ImapFlow } from 'imapflow';
import type { TextPart } from '../../sync/sink';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockVerifiedMailbox } from '../mailbox';
import { compactUids } from '../uidSet';

/** A text part longer than this is cut: nobody reads 4 MB of text in a mail reader, and it would stall the batch. */
export const MAX_TEXT_PART_BYTES = 4 * 1024 * 1024;

export interface WantedText {
  uid: number;
  textParts: TextPart[];
}

/** The raw (still transfer-encoded) bytes of one text part. */
export interface FetchedTextPart {
  textPart: TextPart;
  content: Buffer;
}

/**
 * Fetches only the text/plain and text/html parts the BODYSTRUCTURE named, never the attachments. Messages with the
 * same part layout ("1", or "1.1 1.2") share one UID FETCH of BODY.PEEK[<part>] items (PEEK: reading for the cache
 * must not mark anything \Seen). `onMessage` gets each message as it arrives; a message expunged meanwhile is skipped.
 */
export async function fetchTextParts(
  client: ImapFlow,
  args: {
    path: string;
    uidValidity: number | null;
    messages: readonly WantedText[];
    /** Select the folder again even if this connection has it open (see lockVerifiedMailbox). */
    reselect?: boolean;
    timeoutMs?: number;
  },
  onMessage: (uid: number, parts: FetchedTextPart[]) => void,
): Promise<void> {
  const groups = new Map<string, WantedText[]>();
  for (const message of args.messages) {
    if (message.textParts.length === 0) continue;
    const key = message.textParts.map((part) => part.part).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  if (groups.size === 0) return;
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  await withDeadline(client, `UID FETCH text parts in ${args.path}`, timeoutMs, async (deadline) => {
    const lock = await lockVerifiedMailbox(client, args.path, args.uidValidity, { reselect: args.reselect });
    try {
      for (const [key, members] of groups) {
        const partNumbers = key.split(' ');
        const byUid = new Map(members.map((member) => [member.uid, member]));
        const query = { uid: true, bodyParts: partNumbers.map((part) => ({ key: part, maxLength: MAX_TEXT_PART_BYTES })) };
        for await (const message of client.fetch(compactUids([...byUid.keys()]), query, { uid: true })) {
          deadline.extend();
          const wanted = byUid.get(message.uid);
          // imapflow keys sections in lower case: "1.2" stays, "TEXT" becomes "text".
          const contents = wanted?.textParts.map((textPart) => message.bodyParts?.get(textPart.part.toLowerCase()));
          // NIL instead of a part: another session expunged the message and this one has not been told yet
          // (RFC 2180 §4.1.1). It is left out, like a message that is gone.
          if (!wanted || !contents?.every((content) => Buffer.isBuffer(content))) continue;
          onMessage(
            message.uid,
            wanted.textParts.map((textPart, i) => ({ textPart, content: contents[i] as Buffer })),
          );
        }
      }
    } finally {
      lock.release();
    }
  });
}
