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
 * The lock on a freshly selected folder whose UIDVALIDITY is still the cache's. A long-lived connection may have the
 * folder selected from before it was deleted and recreated elsewhere, and imapflow would not select it again; a
 * fetch by UID there could return another message's body. Costs one SELECT per call, so callers batch.
 */
export async function lockVerifiedMailbox(client: ImapFlow, path: string, uidValidity: number | null): Promise<MailboxLockObject> {
  const selectedBefore = client.mailbox !== false && client.mailbox.path === path;
  const lock = await lockMailbox(client, path);
  try {
    if (selectedBefore) await client.mailboxOpen(path);
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
