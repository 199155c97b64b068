import type { Folder } from '../../../shared/types';

export const APP_NAME = 'Postino';

/** Unread messages across every account's Inbox: the same count as the desktop tray's badge. */
export function inboxUnreadCount(folders: ReadonlyArray<Pick<Folder, 'role' | 'unreadCount'>>): number {
  return folders.reduce((total, folder) => (folder.role === 'inbox' ? total + folder.unreadCount : total), 0);
}

/** "(3) Postino", the convention webmail tabs follow so the count shows on a background tab; "Postino" at 0. */
export function pageTitle(unreadCount: number): string {
  return unreadCount > 0 ? `(${unreadCount}) ${APP_NAME}` : APP_NAME;
}
