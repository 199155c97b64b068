/** A new-mail notification as the core decides it (src/main/notify); the shell or the page shows it, translated. */

/** A message key and its parameters; the renderer or shell translates. Names and subjects are data, not prose. */
export interface NotificationText {
  key: string;
  params: Record<string, string | number>;
}

export interface MailNotification {
  /** Where clicking leads: the message when there is one, else the folder (null folder: the unified Inbox). */
  accountId: string | null;
  folderId: number | null;
  messageIds: number[];
  title: NotificationText;
  body: NotificationText;
}

/** What clicking a notification opens: a lone message itself; for a group, its first message, in that folder. */
export function openTargetOf(notification: MailNotification): { messageId: number; folderId: number | null } | null {
  const [messageId] = notification.messageIds;
  return messageId === undefined ? null : { messageId, folderId: notification.folderId };
}
