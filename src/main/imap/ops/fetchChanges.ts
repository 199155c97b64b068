import type { ExpungeEvent, FlagsEvent, ImapFlow } from 'imapflow';
import type { FlagChange } from '../../sync/sink';
import { DEFAULT_COMMAND_TIMEOUT_MS, type Deadline, withDeadline } from '../deadline';
import { persistentFlags } from '../headerRecord';
import { lockMailbox, snapshotOf, type MailboxSnapshot } from '../mailbox';
import { searchUids } from '../search';
import { ascendingDifference, compactUids } from '../uidSet';

/** What the cache knows of a folder, to be compared with the server. */
export interface KnownFolder {
  uidValidity: number | null;
  uidNext: number | null;
  highestModseq: string | null;
  /** True once a sync of the folder completed: only then do `uidNext` and `highestModseq` describe the whole cache. */
  complete: boolean;
  /** Ascending. */
  cachedUids: readonly number[];
}

export type ChangeMethod = 'qresync' | 'condstore' | 'flags-diff' | 'full-diff';

export interface FolderChanges {
  mailbox: MailboxSnapshot;
  /** The server's UIDVALIDITY differs from the cache's: every cached UID is void (RFC 3501 §2.3.1.1); nothing else is set. */
  uidValidityChanged: boolean;
  /** UIDs the server has and the cache lacks, ascending. */
  newUids: number[];
  flagChanges: FlagChange[];
  /** Cached UIDs the server no longer has, ascending. */
  vanishedUids: number[];
  method: ChangeMethod;
}

/**
 * Compares the cache with the server in as few round trips as the server allows:
 * - QRESYNC (RFC 7162 §3.2.5): SELECT … (QRESYNC (uidvalidity modseq)) makes the server send the flags changed and,
 *   as VANISHED (EARLIER), the UIDs expunged since our modseq, inside the SELECT itself;
 * - CONDSTORE: UID FETCH … (FLAGS) (CHANGEDSINCE modseq) for the flags; expunges only when the message count
 *   says some happened, by a UID SEARCH diff;
 * - neither: every flag of the cached range, and the UIDs missing from that answer are the expunged ones.
 * A sync that never completed (first run, or interrupted) compares the full UID sets instead.
 */
export async function fetchChanges(
  client: ImapFlow,
  args: { path: string; known: KnownFolder; timeoutMs?: number },
): Promise<FolderChanges> {
  const { path, known } = args;
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withDeadline(client, `resync of ${path}`, timeoutMs, async (deadline) => {
    const qresync =
      client.enabled.has('QRESYNC') && known.complete && known.uidValidity !== null && known.highestModseq !== null
        ? { uidValidity: known.uidValidity, changedSince: known.highestModseq }
        : {};
    const selectedBefore = client.mailbox !== false && client.mailbox.path === path;
    const reported = collectReportedChanges(client, path);
    try {
      const lock = await lockMailbox(client, path, qresync);
      try {
        // The lock does not re-select a folder that is already open, and the SELECT is what refreshes UIDNEXT and
        // HIGHESTMODSEQ (and carries the QRESYNC report): select it again. Never CLOSE, which expunges \Deleted.
        if (selectedBefore) await client.mailboxOpen(path, qresync);
        deadline.extend();
        return await compare(client, snapshotOf(client, path), known, reported, deadline);
      } finally {
        lock.release();
      }
    } finally {
      reported.stop();
    }
  });
}

async function compare(
  client: ImapFlow,
  mailbox: MailboxSnapshot,
  known: KnownFolder,
  reported: ReportedChanges,
  deadline: Deadline,
): Promise<FolderChanges> {
  if (known.uidValidity !== null && known.uidValidity !== mailbox.uidValidity) {
    return { mailbox, uidValidityChanged: true, newUids: [], flagChanges: [], vanishedUids: [], method: 'full-diff' };
  }
  if (!known.complete || known.uidNext === null || known.cachedUids.length === 0) {
    return fullDiff(client, mailbox, known, deadline);
  }
  const method = changeMethod(client, mailbox, known);
  const cached = new Set(known.cachedUids);
  // A sync interrupted after some new headers were stored leaves cached UIDs above the stored UIDNEXT.
  const newUids = mailbox.uidNext > known.uidNext ? (await uidsFrom(client, known.uidNext)).filter((uid) => !cached.has(uid)) : [];
  let flagChanges: FlagChange[] = [];
  let vanishedUids: number[] = [];
  const modseqUnchanged = mailbox.highestModseq !== null && mailbox.highestModseq === known.highestModseq;
  if (method === 'qresync') {
    // The SELECT also reported rows for messages new to us (they come with their headers instead), and VANISHED
    // (EARLIER) may name UIDs this client never had (RFC 7162 §3.2.10): only cached UIDs count.
    flagChanges = reported.flagChanges.filter((change) => cached.has(change.uid));
    vanishedUids = reported.vanishedUids.filter((uid) => cached.has(uid)).sort((a, b) => a - b);
  } else if (method === 'condstore') {
    if (!modseqUnchanged) {
      const changed = await fetchFlags(client, '1:*', deadline, known.highestModseq);
      flagChanges = changed.filter((change) => cached.has(change.uid));
    }
  } else {
    flagChanges = await fetchFlags(client, `1:${known.cachedUids[known.cachedUids.length - 1]}`, deadline, null);
    const present = flagChanges.map((change) => change.uid).sort((a, b) => a - b);
    vanishedUids = ascendingDifference(known.cachedUids, present);
  }
  // CONDSTORE alone does not report expunges, and a cache that drifted must not stay wrong: whenever the count the
  // server gives differs from the cache's, the UID sets are compared.
  if (mailbox.exists !== known.cachedUids.length - vanishedUids.length + newUids.length) {
    const serverUids = await searchUids(client, '1:*');
    return {
      mailbox,
      uidValidityChanged: false,
      newUids: ascendingDifference(serverUids, known.cachedUids),
      flagChanges,
      vanishedUids: ascendingDifference(known.cachedUids, serverUids),
      method,
    };
  }
  return { mailbox, uidValidityChanged: false, newUids, flagChanges, vanishedUids, method };
}

function changeMethod(client: ImapFlow, mailbox: MailboxSnapshot, known: KnownFolder): ChangeMethod {
  if (known.highestModseq === null || mailbox.highestModseq === null) return 'flags-diff';
  if (client.enabled.has('QRESYNC')) return 'qresync';
  return client.enabled.has('CONDSTORE') ? 'condstore' : 'flags-diff';
}

/** The first sync, or one that was interrupted: compare the complete UID sets, refresh the flags of what is cached. */
async function fullDiff(client: ImapFlow, mailbox: MailboxSnapshot, known: KnownFolder, deadline: Deadline): Promise<FolderChanges> {
  const serverUids = await searchUids(client, '1:*');
  deadline.extend();
  const vanishedUids = ascendingDifference(known.cachedUids, serverUids);
  const stillCached = ascendingDifference(known.cachedUids, vanishedUids);
  const flagChanges = stillCached.length > 0 ? await fetchFlags(client, compactUids(stillCached), deadline, null) : [];
  return {
    mailbox,
    uidValidityChanged: false,
    newUids: ascendingDifference(serverUids, known.cachedUids),
    flagChanges,
    vanishedUids,
    method: 'full-diff',
  };
}

/** UIDs from `firstUid` up. "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8), hence the filter. */
async function uidsFrom(client: ImapFlow, firstUid: number): Promise<number[]> {
  return (await searchUids(client, `${firstUid}:*`)).filter((uid) => uid >= firstUid);
}

async function fetchFlags(client: ImapFlow, range: string, deadline: Deadline, changedSince: string | null): Promise<FlagChange[]> {
  const changes: FlagChange[] = [];
  const options = changedSince === null ? { uid: true } : { uid: true, changedSince: BigInt(changedSince) };
  for await (const message of client.fetch(range, { uid: true, flags: true }, options)) {
    deadline.extend();
    changes.push({ uid: message.uid, flags: persistentFlags(message.flags), modseq: message.modseq?.toString() ?? null });
  }
  return changes;
}

/**
 * With QRESYNC enabled the server reports changes as untagged responses: FETCH (flags) and VANISHED (EARLIER)
 * during SELECT or a CHANGEDSINCE … VANISHED fetch. imapflow turns them into events; this gathers them for `path`.
 */
interface ReportedChanges {
  flagChanges: FlagChange[];
  vanishedUids: number[];
  stop(): void;
}

function collectReportedChanges(client: ImapFlow, path: string): ReportedChanges {
  const flagChanges: FlagChange[] = [];
  const vanishedUids: number[] = [];
  const onFlags = (event: FlagsEvent): void => {
    if (event.path !== path || event.uid === undefined) return;
    flagChanges.push({ uid: event.uid, flags: persistentFlags(event.flags), modseq: event.modseq?.toString() ?? null });
  };
  const onExpunge = (event: ExpungeEvent): void => {
    if (event.path === path && event.vanished && event.uid !== undefined) vanishedUids.push(event.uid);
  };
  client.on('flags', onFlags);
  client.on('expunge', onExpunge);
  return {
    flagChanges,
    vanishedUids,
    stop: (): void => {
      client.off('flags', onFlags);
      client.off('expunge', onExpunge);
    },
  };
}
