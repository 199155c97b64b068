/**
 * One short IMAP session on the server of a cached message, for the composer's needs the cache cannot answer (a
 * message's raw source, its delivery headers). A server that cannot be reached is `offline`, the code the
 * composer explains; the session is closed whatever happens.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { sourceLocationOf } from '../store/outbox';
import type { Store } from '../store/store';
import { isUnreachable } from '../sync/accountStatus';
import { validateMessageId } from './validateDraft';
import { logoutOrClose } from '../imap/logout';

export interface MessageSessionDeps {
  store: Store;
  /** A logged-in session on the account's IMAP server (closed here after use). */
  connect(accountId: string): Promise<ImapFlow>;
  commandTimeoutMs?: number;
}

export type MessageLocation = NonNullable<ReturnType<typeof sourceLocationOf>>;

export async function onMessageServer<T>(
  deps: MessageSessionDeps,
  messageId: number,
  work: (client: ImapFlow, location: MessageLocation) => Promise<T>,
): Promise<T> {
  validateMessageId(messageId);
  const location = sourceLocationOf(deps.store.db, messageId);
  if (!location) throw new PostinoError('not-found', `Message ${messageId} is not in the cache`);
  let client: ImapFlow | null = null;
  try {
    client = await deps.connect(location.accountId);
    return await work(client, location);
  } catch (err) {
    if (isUnreachable(err)) {
      throw new PostinoError('offline', `The server of this message cannot be reached: ${err.message}`);
    }
    throw err;
  } finally {
    if (client) await logoutOrClose(client);
  }
}
