import type { Folder, FolderRole } from '../../../shared/types';
import type { Checked } from '../message-list/checked';
import type { Mailbox } from '../folders/mailboxStore';
import type { ListScope } from './resolveTargets';

/** The listed mailbox as actions see it: its scope, the role that decides which actions apply, and its folder. */
export interface ListContext {
  scope: ListScope;
  /** The unified list is every account's Inbox. */
  role: FolderRole | null;
  folder: Folder | null;
}

export function listContext(mailbox: Mailbox, folders: readonly Folder[], threaded: boolean): ListContext {
  if (mailbox.kind === 'unified') return { scope: { folderId: null, threaded }, role: 'inbox', folder: null };
  const folder = folders.find((candidate) => candidate.id === mailbox.folderId) ?? null;
  return { scope: { folderId: mailbox.folderId, threaded }, role: folder?.role ?? null, folder };
}

/**
 * The accounts ticked messages belong to: the ticked rows' own, or for "all of the list" the listed folder's
 * account (the unified list: every account with an Inbox).
 */
export function accountsOf(checked: Checked, context: ListContext, folders: readonly Folder[]): string[] {
  if (checked.kind === 'some') return [...new Set(checked.rows.values())];
  if (context.folder) return [context.folder.accountId];
  return [...new Set(folders.filter((folder) => folder.role === 'inbox').map((folder) => folder.accountId))];
}
