/** Selecting a folder under imapflow's mailbox lock, and what SELECT told us about it. */
import type { ImapFlow, MailboxLockObject, MailboxLockOptions } from 'imapflow';
import { PostinoError } from '../../shared/errors';

/** The state SELECT reports (RFC 3501 §6.3.1, RFC 7162 §3.1.2), in the types the sink stores. */
export interface MailboxSnapshot {
  path: string;
  uidValidity: number;
  uidNext: number;
  exists: number;
  /** Decimal string, null when the server keeps no mod-sequences for the folder (NOMODSEQ or no CONDSTORE). */
  highestModseq: string | null;
}

/** Takes the mailbox lock (selecting the folder if needed); a folder deleted on the server becomes `not-found`. */
export async function lockMailbox(
  client: ImapFlow,
  path: string,
  options: MailboxLockOptions = {},
): Promise<MailboxLockObject> {
  try {
    return await client.getMailboxLock(path, options);
  } catch (err) {
    const failure = err as { serverResponseCode?: string; mailboxMissing?: boolean };
    if (failure.mailboxMissing || failure.serverResponseCode === 'NONEXISTENT') {
      throw new PostinoError('not-found', `The folder ${path} does not exist on the server (any more)`);
    }
    throw err;
  }
}

/**
 * The lock on a folder whose UIDVALIDITY is still the cache's, so a fetch by cached UID cannot return another
 * message. A long-lived connection may still have the folder selected from before it was deleted and recreated
 * elsewhere, and imapflow does not select an open folder again; `reselect` makes it (a SELECT of a 100,000-message
 * Maildir costs the server a few hundred milliseconds, so callers ask for it once per pass, not per batch).
 */
export async function lockVerifiedMailbox(
  client: ImapFlow,
  path: string,
  uidValidity: number | null,
  options: { reselect?: boolean } = {},
): Promise<MailboxLockObject> {
  const selectedBefore = client.mailbox !== false && client.mailbox.path === path;
  const lock = await lockMailbox(client, path);
  try {
    if (selectedBefore && options.reselect) await client.mailboxOpen(path);
    if (uidValidity !== null && snapshotOf(client, path).uidValidity !== uidValidity) {
      throw new PostinoError('not-found', `The folder ${path} was recreated on the server (new UIDVALIDITY); it needs a resync first`);
    }
    return lock;
  } catch (err) {
    lock.release();
    throw err;
  }
}

export function snapshotOf(client: ImapFlow, path: string): MailboxSnapshot {
  const mailbox = client.mailbox;
  if (!mailbox || mailbox.path !== path) {
    throw new PostinoError('server-dropped', `The folder ${path} is no longer selected`);
  }
  return {
    path,
    uidValidity: Number(mailbox.uidValidity),
    uidNext: mailbox.uidNext,
    exists: mailbox.exists,
    highestModseq: mailbox.noModseq ? null : (mailbox.highestModseq?.toString() ?? null),
  };
}
