/**
 * What follows a message the SMTP server accepted, written in the same transaction as its `sent` state: the copy
 * in Sent (an APPEND task; not for providers that file sent mail themselves) and \Answered or $Forwarded on the
 * message it answers (a flags task whose local step shows at once).
 */
import type { Draft } from '../../shared/api/compose';
import { getAccount } from '../store/accounts';
import type { Db } from '../store/db';
import { applyFlagsLocally, folderWithRole } from '../store/localActions';
import { threadContextOf } from '../store/outbox';
import { insertTask } from '../store/tasks';

/** Gmail files every message sent through its SMTP server in Sent Mail itself; an APPEND would make a second copy. */
const FILES_SENT_MAIL_ITSELF = /(^|\.)(gmail|googlemail)\.com$/i;

export function providerFilesSentMail(imapHost: string): boolean {
  return FILES_SENT_MAIL_ITSELF.test(imapHost);
}

export interface AfterSend {
  /** Cached messages whose flags changed (the original of a reply or forward). */
  flaggedIds: number[];
  /** Accounts that got tasks: their runners must be woken. */
  accountIds: string[];
}

export function enqueueAfterSend(db: Db, sent: { outboxId: number; accountId: string; draft: Draft }, now: number): AfterSend {
  const { outboxId, accountId, draft } = sent;
  let batchId: number | null = null;
  const sentFolderId = folderWithRole(db, accountId, 'sent');
  if (sentFolderId !== null && !providerFilesSentMail(getAccount(db, accountId).imap.host)) {
    const spec = { kind: 'append' as const, payload: { folderId: sentFolderId, source: { outboxId }, flags: ['\\Seen'], replaces: null } };
    batchId = insertTask(db, { accountId, action: 'send', batchId, spec }, now);
  }
  if (!draft.replyTo) return { flaggedIds: [], accountIds: [accountId] };
  // The original may have been answered from another account's identity: its own account's server gets the flag.
  const original = threadContextOf(db, draft.replyTo.messageId);
  if (!original) return { flaggedIds: [], accountIds: [accountId] };
  const flag = draft.replyTo.kind === 'reply' ? '\\Answered' : '$Forwarded';
  const change = { messageIds: [draft.replyTo.messageId], add: [flag], remove: [] };
  const spec = { kind: 'set-flags' as const, payload: { changes: [change] } };
  insertTask(db, { accountId: original.accountId, action: 'send', batchId: original.accountId === accountId ? batchId : null, spec }, now);
  const flaggedIds = applyFlagsLocally(db, change.messageIds, change.add, change.remove).map((delta) => delta.messageId);
  return { flaggedIds, accountIds: [...new Set([accountId, original.accountId])] };
}
