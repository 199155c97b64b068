/**
 * The actions API: what the renderer calls when the user acts on mail. Each call groups the messages by account,
 * enqueues one task per account (local step applied at once, in the same transaction) and wakes the runner. It
 * never waits for a server.
 */
import { PostinoError } from '../../shared/errors';
import type { ActionResult, ActionsApi, DeleteOptions } from '../../shared/api/actions';
import { accountOfFolder, folderWithRole, ownersOf, type MessageOwner } from '../store/localActions';
import type { Store } from '../store/store';
import { getTask, tasksOfBatch } from '../store/tasks';
import { enqueueAction, type ActionPart, type Intent } from './enqueue';
import type { TaskRunner } from './runner';

/** Far above any selection a user makes; a bound keeps one call from building a gigantic transaction by mistake. */
export const MAX_MESSAGES_PER_ACTION = 100_000;

export interface ActionsDeps {
  store: Store;
  runner: Pick<TaskRunner, 'kick'>;
}

export function createActions(deps: ActionsDeps): ActionsApi {
  const { store, runner } = deps;

  const commit = (action: string, parts: ActionPart[]): ActionResult => {
    const result = enqueueAction(store, action, parts);
    for (const accountId of new Set(parts.map((part) => part.accountId))) runner.kick(accountId);
    return result;
  };

  /** Cached messages by account; ids no longer cached are skipped, none at all is `not-found`. */
  const owners = (messageIds: unknown): Map<string, MessageOwner[]> => {
    const found = ownersOf(store.db, validIds(messageIds));
    if (found.length === 0) throw new PostinoError('not-found', 'None of these messages is in the cache', { field: 'messageIds' });
    const byAccount = new Map<string, MessageOwner[]>();
    for (const owner of found) byAccount.set(owner.accountId, [...(byAccount.get(owner.accountId) ?? []), owner]);
    return byAccount;
  };

  const flags = (action: string, messageIds: unknown, add: string[], remove: string[]): ActionResult =>
    commit(
      action,
      [...owners(messageIds)].map(([accountId, messages]) => ({
        accountId,
        intent: { kind: 'set-flags', payload: { changes: [{ messageIds: messages.map((m) => m.messageId), add, remove }] } },
      })),
    );

  /** Moves each account's messages to its folder of `role`, setting and clearing flags on the way. */
  const moveToRole = (action: string, messageIds: unknown, role: string, addFlags: string[], removeFlags: string[]): ActionResult =>
    commit(
      action,
      [...owners(messageIds)].map(([accountId, messages]) => {
        const targetFolderId = folderWithRole(store.db, accountId, role);
        if (targetFolderId === null) {
          throw new PostinoError('not-found', `The account has no ${role} folder`, { field: 'folderId', role, accountId });
        }
        const moves = [{ targetFolderId, messageIds: messages.map((m) => m.messageId) }];
        return { accountId, intent: { kind: 'move', payload: { moves, addFlags, removeFlags } } };
      }),
    );

  return {
    markRead: async (ids) => flags('markRead', ids, ['\\Seen'], []),
    markUnread: async (ids) => flags('markUnread', ids, [], ['\\Seen']),
    flag: async (ids) => flags('flag', ids, ['\\Flagged'], []),
    unflag: async (ids) => flags('unflag', ids, [], ['\\Flagged']),
    // $Junk / $NotJunk: the keywords of the IANA IMAP keyword registry that spam filters train on.
    spam: async (ids) => moveToRole('spam', ids, 'junk', ['$Junk'], ['$NotJunk']),
    notSpam: async (ids) => moveToRole('notSpam', ids, 'inbox', ['$NotJunk'], ['$Junk']),
    archive: async (ids) => moveToRole('archive', ids, 'archive', [], []),

    async move(ids, folderId) {
      const byAccount = owners(ids);
      const accountId = Number.isSafeInteger(folderId) ? accountOfFolder(store.db, folderId) : null;
      if (!accountId) throw new PostinoError('not-found', `Folder ${String(folderId)} is not in the cache`, { field: 'folderId' });
      if (byAccount.size !== 1 || !byAccount.has(accountId)) {
        throw new PostinoError('invalid-input', 'Messages can only be moved to a folder of their own account', { field: 'folderId' });
      }
      const messageIds = (byAccount.get(accountId) ?? []).map((m) => m.messageId);
      return commit('move', [{ accountId, intent: { kind: 'move', payload: { moves: [{ targetFolderId: folderId, messageIds }], addFlags: [], removeFlags: [] } } }]);
    },

    async delete(ids, options: DeleteOptions = {}) {
      const parts: ActionPart[] = [];
      for (const [accountId, messages] of owners(ids)) {
        const expunged = messages.filter((m) => options.permanent === true || m.folderRole === 'trash');
        const trashed = messages.filter((m) => !expunged.includes(m));
        if (expunged.length > 0) parts.push({ accountId, intent: { kind: 'expunge', messageIds: expunged.map((m) => m.messageId) } });
        if (trashed.length === 0) continue;
        const trash = folderWithRole(store.db, accountId, 'trash');
        if (trash === null) throw new PostinoError('not-found', 'The account has no Trash folder', { field: 'folderId', role: 'trash', accountId });
        const moves = [{ targetFolderId: trash, messageIds: trashed.map((m) => m.messageId) }];
        parts.push({ accountId, intent: { kind: 'move', payload: { moves, addFlags: [], removeFlags: [] } } });
      }
      return commit('delete', parts);
    },

    async undo(taskId) {
      if (!Number.isSafeInteger(taskId)) throw new PostinoError('invalid-input', 'A task id is a whole number', { field: 'taskId' });
      const batch = tasksOfBatch(store.db, getTask(store.db, taskId).batchId);
      // A refused action was already put back to the server's truth: there is nothing left to undo.
      if (batch.some((task) => task.state === 'failed')) {
        throw new PostinoError('invalid-input', `Task ${taskId} was refused by the server and changed nothing`, { field: 'taskId' });
      }
      const parts: ActionPart[] = batch.flatMap((task) => (task.undo ? [{ accountId: task.accountId, intent: task.undo as Intent }] : []));
      if (parts.length === 0) throw new PostinoError('invalid-input', `Task ${taskId} cannot be undone`, { field: 'taskId' });
      return commit('undo', parts);
    },
  };
}

function validIds(messageIds: unknown): number[] {
  if (!Array.isArray(messageIds) || messageIds.length === 0 || messageIds.length > MAX_MESSAGES_PER_ACTION) {
    throw new PostinoError('invalid-input', `Give between 1 and ${MAX_MESSAGES_PER_ACTION} message ids`, { field: 'messageIds' });
  }
  if (!messageIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new PostinoError('invalid-input', 'Message ids are positive whole numbers', { field: 'messageIds' });
  }
  return messageIds as number[];
}
