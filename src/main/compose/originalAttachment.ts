/**
 * Forward as attachment: the original's complete source, fetched from its server and attached as
 * `message/rfc822` (RFC 2046 §5.2.1), so the recipient gets it byte for byte with its headers. The cache keeps
 * only headers, text and attachments, never the raw source, hence one IMAP session per forward.
 */
import type { ImapFlow } from 'imapflow';
import type { DraftAttachment } from '../../shared/api/compose';
import { PostinoError } from '../../shared/errors';
import { fetchSource } from '../imap/ops/fetchSource';
import { sourceLocationOf } from '../store/outbox';
import type { Store } from '../store/store';
import { UNREACHABLE } from '../sync/accountStatus';

export interface OriginalAttachmentDeps {
  store: Store;
  /** A logged-in session on the account's IMAP server (closed here after use). */
  connect(accountId: string): Promise<ImapFlow>;
  commandTimeoutMs?: number;
}

/** A file name from the subject: what a recipient's client shows and saves it as. */
export function attachmentNameFor(subject: string): string {
  const cleaned = subject.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${cleaned || 'message'}.eml`;
}

export function createOriginalAttachment(deps: OriginalAttachmentDeps): (messageId: number) => Promise<DraftAttachment> {
  return async (messageId) => {
    if (!Number.isSafeInteger(messageId)) throw new PostinoError('invalid-input', 'messageId must be a message id', { field: 'messageId' });
    const location = sourceLocationOf(deps.store.db, messageId);
    if (!location) throw new PostinoError('not-found', `Message ${messageId} is not in the cache`);
    let client: ImapFlow | null = null;
    try {
      client = await deps.connect(location.accountId);
      const source = await fetchSource(client, { ...location, timeoutMs: deps.commandTimeoutMs });
      return { filename: attachmentNameFor(location.subject), contentType: 'message/rfc822', base64: source.toString('base64') };
    } catch (err) {
      if (err instanceof PostinoError && UNREACHABLE.has(err.code)) {
        throw new PostinoError('offline', `The server of this message cannot be reached: ${err.message}`);
      }
      throw err;
    } finally {
      await client?.logout().catch(() => client?.close());
    }
  };
}
