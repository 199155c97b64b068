/**
 * Which new mail deserves a desktop notification, and what it says, as pure rules: the shell (Electron's
 * Notification, or the browser's in web mode) shows the result and translates its message keys.
 */
import type { MailNotification } from '../../shared/notifications';
import type { FolderRole, MessageSummary } from '../../shared/types';

/** A `mail:new` batch with what the rules need beside it: whose mailbox it is and where the mail landed. */
export interface NewMailBatch {
  accountId: string;
  /** The account as the user knows it (its display name, else its address). */
  accountName: string;
  /** Every address the user sends from on this account: mail from one of them is the user's own. */
  ownAddresses: string[];
  folderId: number;
  folderRole: FolderRole | null;
  folderName: string;
  messages: Array<Pick<MessageSummary, 'id' | 'from' | 'subject' | 'seen' | 'flags'>>;
}

/**
 * Only the Inbox and the user's own folders (role null, often filled by server-side filters) notify. Junk,
 * Trash, Sent and Drafts never hold news; Archive receives mail the user filed elsewhere; "All Mail" and
 * "Flagged" are virtual copies of messages already announced from their real folder.
 */
function folderNotifies(role: FolderRole | null): boolean {
  return role === null || role === 'inbox';
}

/** `$Junk` is the IANA-registered keyword spam filters set on mail they leave in the Inbox. */
const QUIET_FLAGS = ['\\Seen', '\\Deleted', '$Junk'];

function messageNotifies(message: NewMailBatch['messages'][number], ownAddresses: string[]): boolean {
  if (message.seen || message.flags.some((flag) => QUIET_FLAGS.includes(flag))) return false;
  const sender = message.from?.address.toLowerCase();
  return !ownAddresses.some((address) => address.toLowerCase() === sender);
}

function senderName(message: NewMailBatch['messages'][number]): string {
  return message.from?.name.trim() || message.from?.address || '';
}

/** More folders than this with news at once become one summary, not a wall of toasts after a long absence. */
const MAX_SEPARATE_NOTIFICATIONS = 3;
/** Senders named in a grouped notification; the rest are counted. */
const NAMED_SENDERS = 3;

interface Group {
  batch: NewMailBatch;
  messages: NewMailBatch['messages'];
}

function single(batch: NewMailBatch, message: NewMailBatch['messages'][number]): MailNotification {
  const sender = senderName(message);
  return {
    accountId: batch.accountId,
    folderId: batch.folderId,
    messageIds: [message.id],
    title: sender
      ? { key: 'notify.newMessage.title', params: { sender } }
      : { key: 'notify.newMessage.titleUnknownSender', params: { account: batch.accountName } },
    body: message.subject.trim()
      ? { key: 'notify.newMessage.body', params: { subject: message.subject.trim() } }
      : { key: 'notify.newMessage.bodyNoSubject', params: {} },
  };
}

function grouped({ batch, messages }: Group): MailNotification {
  const senders = [...new Set(messages.map(senderName).filter((name) => name !== ''))];
  return {
    accountId: batch.accountId,
    folderId: batch.folderId,
    messageIds: messages.map((message) => message.id),
    title:
      batch.folderRole === 'inbox'
        ? { key: 'notify.newMessages.inInbox', params: { count: messages.length, account: batch.accountName } }
        : {
            key: 'notify.newMessages.inFolder',
            params: { count: messages.length, folder: batch.folderName, account: batch.accountName },
          },
    body: {
      key: 'notify.newMessages.senders',
      params: { senders: senders.slice(0, NAMED_SENDERS).join(', '), others: Math.max(0, senders.length - NAMED_SENDERS) },
    },
  };
}

function summary(groups: Group[]): MailNotification {
  const messageIds = groups.flatMap((group) => group.messages.map((message) => message.id));
  return {
    accountId: null,
    folderId: null,
    messageIds,
    title: { key: 'notify.newMessages.summary', params: { count: messageIds.length, folders: groups.length } },
    body: {
      key: 'notify.newMessages.accounts',
      params: { accounts: [...new Set(groups.map((group) => group.batch.accountName))].join(', ') },
    },
  };
}

/**
 * The notifications for new mail: none while paused (`now` before `pausedUntil`), for folders that never
 * notify, or for mail that is seen, deleted, junk or the user's own; one naming sender and subject for a lone
 * message; one per account and folder for several.
 */
export function decideNotifications(batches: NewMailBatch[], pausedUntil: number | null, now: number): MailNotification[] {
  if (pausedUntil !== null && now < pausedUntil) return [];
  const groups = new Map<string, Group>();
  for (const batch of batches) {
    if (!folderNotifies(batch.folderRole)) continue;
    const key = `${batch.accountId}\u0000${batch.folderId}`;
    const group = groups.get(key) ?? { batch, messages: [] };
    const known = new Set(group.messages.map((message) => message.id));
    for (const message of batch.messages) {
      if (known.has(message.id) || !messageNotifies(message, batch.ownAddresses)) continue;
      known.add(message.id);
      group.messages.push(message);
    }
    if (group.messages.length > 0) groups.set(key, group);
  }
  const withNews = [...groups.values()];
  if (withNews.length > MAX_SEPARATE_NOTIFICATIONS) return [summary(withNews)];
  return withNews.map((group) => {
    const [only] = group.messages;
    return group.messages.length === 1 && only ? single(group.batch, only) : grouped(group);
  });
}

export type NotificationPause = 'one-hour' | 'until-tomorrow';

/** "Until tomorrow" ends at this local hour of the next day: a pause set in the evening lasts the night. */
const MORNING_HOUR = 8;

/** The pause-until timestamp (epoch ms) for the user's choice, in the machine's local time. */
export function pauseUntil(choice: NotificationPause, now: number): number {
  if (choice === 'one-hour') return now + 60 * 60 * 1000;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(MORNING_HOUR, 0, 0, 0);
  return tomorrow.getTime();
}

/** The tray badge: unread messages across every account's Inbox. */
export function unreadBadge(folders: Array<{ role: FolderRole | null; unreadCount: number }>): number {
  return folders.reduce((total, folder) => (folder.role === 'inbox' ? total + folder.unreadCount : total), 0);
}
