import type { FolderRole } from '../../../shared/types';

/** What the user can do to mail from the list, the reader and the keyboard (the core's ActionsApi, and "forever"). */
export type ActionKind =
  | 'markRead'
  | 'markUnread'
  | 'flag'
  | 'unflag'
  | 'spam'
  | 'notSpam'
  | 'move'
  | 'archive'
  | 'delete'
  | 'deleteForever';

/** Actions after which the messages are no longer in the list: the ticks clear and the reader closes. */
export function removesFromList(kind: ActionKind): boolean {
  return kind !== 'markRead' && kind !== 'markUnread' && kind !== 'flag' && kind !== 'unflag';
}

/** What the ticked messages are like, as far as the loaded rows tell; null when unknown ("all of the folder"). */
export interface TargetState {
  someUnread: boolean | null;
  someRead: boolean | null;
  someFlagged: boolean | null;
  someUnflagged: boolean | null;
}

export const UNKNOWN_STATE: TargetState = { someUnread: null, someRead: null, someFlagged: null, someUnflagged: null };

export function stateOf(rows: ReadonlyArray<{ seen: boolean; flagged: boolean }>): TargetState {
  return {
    someUnread: rows.some((row) => !row.seen),
    someRead: rows.some((row) => row.seen),
    someFlagged: rows.some((row) => row.flagged),
    someUnflagged: rows.some((row) => !row.flagged),
  };
}

/**
 * The actions that make sense here, in menu order: "Not spam" only in Junk (and "Spam" everywhere else), "Delete
 * forever" instead of "Delete" in Trash, no "Archive" in the Archive; read/unread and flag/unflag as the messages'
 * state asks (both when it is mixed or unknown). `role` is the listed folder's; the unified list is Inboxes.
 */
export function availableActions(role: FolderRole | null, state: TargetState): ActionKind[] {
  const kinds: ActionKind[] = [];
  if (state.someUnread !== false) kinds.push('markRead');
  if (state.someRead !== false) kinds.push('markUnread');
  if (state.someUnflagged !== false) kinds.push('flag');
  if (state.someFlagged !== false) kinds.push('unflag');
  kinds.push('move');
  if (role !== 'archive') kinds.push('archive');
  kinds.push(role === 'junk' ? 'notSpam' : 'spam');
  kinds.push(role === 'trash' ? 'deleteForever' : 'delete');
  return kinds;
}

/** The shortcut shown beside each action in menus and tooltips. */
export const ACTION_SHORTCUTS: Partial<Record<ActionKind, string>> = {
  markRead: 'Shift+I',
  markUnread: 'u',
  flag: 's',
  unflag: 's',
  spam: '!',
  move: 'v',
  archive: 'e',
  delete: '#',
  deleteForever: 'Shift+Del',
};

/**
 * Moving to a special folder is that folder's action, so the server learns what the user meant: into Junk sets
 * $Junk (spam filters train on it), out of Junk into the Inbox sets $NotJunk. Any other folder is a plain move.
 */
export function actionForDestination(destinationRole: FolderRole | null, listedRole: FolderRole | null): ActionKind {
  if (destinationRole === 'junk') return 'spam';
  if (destinationRole === 'inbox' && listedRole === 'junk') return 'notSpam';
  if (destinationRole === 'trash') return 'delete';
  if (destinationRole === 'archive') return 'archive';
  return 'move';
}
