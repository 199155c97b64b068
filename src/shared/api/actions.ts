import type { PostinoErrorData } from '../errors';

/**
 * What every action answers at once: its local step is already in the cache (the list has changed), its remote
 * step is queued. `taskId` is what `undo` takes; `undoable` is false when there is nothing to put back (a
 * permanent delete, or an action that changed nothing).
 */
export interface ActionResult {
  taskId: number;
  undoable: boolean;
}

export interface DeleteOptions {
  /** Expunge at once instead of moving to Trash. Messages already in Trash are always expunged. */
  permanent?: boolean;
}

/**
 * Acting on mail. Every method takes message ids (any number; messages of several accounts are fine, except for
 * `move`, whose target folder belongs to one account) and never waits for a server: the renderer only enqueues.
 */
export interface ActionsApi {
  markRead(messageIds: number[]): Promise<ActionResult>;
  markUnread(messageIds: number[]): Promise<ActionResult>;
  flag(messageIds: number[]): Promise<ActionResult>;
  unflag(messageIds: number[]): Promise<ActionResult>;
  /** Moves to the account's Junk folder and sets `$Junk` (clears `$NotJunk`), so the server's filter learns. */
  spam(messageIds: number[]): Promise<ActionResult>;
  /** Moves back to the Inbox and sets `$NotJunk` (clears `$Junk`). */
  notSpam(messageIds: number[]): Promise<ActionResult>;
  move(messageIds: number[], folderId: number): Promise<ActionResult>;
  archive(messageIds: number[]): Promise<ActionResult>;
  /** Moves to Trash; in Trash, or with `permanent`, removes for good (not undoable). */
  delete(messageIds: number[], options?: DeleteOptions): Promise<ActionResult>;
  /** Enqueues the inverse of an action (move back, restore flags) and returns it; undoing an undo redoes. */
  undo(taskId: number): Promise<ActionResult>;
}

export const ACTIONS_METHODS = [
  'markRead',
  'markUnread',
  'flag',
  'unflag',
  'spam',
  'notSpam',
  'move',
  'archive',
  'delete',
  'undo',
] as const satisfies ReadonlyArray<keyof ActionsApi>;

export type ActionName = (typeof ACTIONS_METHODS)[number] | 'send' | 'save-draft';

/**
 * Pushed as `actions:failed` when a server refused an action for good (the target folder was deleted, no
 * permission): the cache has already been put back to what the server has for these messages.
 */
export interface ActionFailedEvent {
  taskId: number;
  accountId: string;
  action: ActionName;
  /** The messages the refusal concerns; empty when they had already left the cache (a permanent delete). */
  messageIds: number[];
  /** `not-found` (a folder is gone) or `server-refused`, with the server's detail. */
  error: PostinoErrorData;
}

export const ACTION_FAILED_EVENT = 'actions:failed';
