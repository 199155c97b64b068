/**
 * Forward as attachment: the original's complete source, fetched from its server and attached as
 * `message/rfc822` (RFC 2046 §5.2.1), so the recipient gets it byte for byte with its headers. The cache keeps
 * only headers, text and attachments, never the raw source, hence one IMAP session per forward.
 */
import type { DraftAttachment } from '../../shared/api/compose';
import { fetchSource } from '../imap/ops/fetchSource';
import { onMessageServer, type MessageSessionDeps } from './messageSession';

/** A file name from the subject: what a recipient's client shows and saves it as. */
export function attachmentNameFor(subject: string): string {
  const cleaned = subject.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${cleaned || 'message'}.eml`;
}

export function createOriginalAttachment(deps: MessageSessionDeps): (messageId: number) => Promise<DraftAttachment> {
  return (messageId) =>
    onMessageServer(deps, messageId, async (client, location) => {
      const source = await fetchSource(client, { ...location, timeoutMs: deps.commandTimeoutMs });
      return { filename: attachmentNameFor(location.subject), contentType: 'message/rfc822', base64: source.toString('base64') };
    });
}
