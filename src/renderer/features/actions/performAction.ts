/**
 * Runs an action the user chose: resolves its target to message ids (one call at most, see resolveTargets), hands
 * them to the core in one call (the core applies the local step at once, so the list changes on the next
 * `store:changed`), then tidies the ticks and the reader and offers Undo.
 */
import type { ActionResult } from '../../../shared/api/actions';
import type { Folder } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { useSelectionStore } from '../message-list/selectionStore';
import { removesFromList, type ActionKind } from './actionKinds';
import { useActionsStore, type ActionTarget } from './actionsStore';
import { resolveTargets } from './resolveTargets';

function callCore(kind: ActionKind, ids: number[], folder: Folder | undefined): Promise<ActionResult> {
  switch (kind) {
    case 'move':
      if (!folder) throw new Error('A move needs its folder');
      return api.actions.move(ids, folder.id);
    case 'deleteForever':
      return api.actions.delete(ids, { permanent: true });
    default:
      return api.actions[kind](ids);
  }
}

/** Acts on `target`. `folder` (and its label, as the user sees it) is the destination of a move. */
export async function performAction(kind: ActionKind, target: ActionTarget, destination?: { folder: Folder; label: string }): Promise<void> {
  const actions = useActionsStore.getState();
  actions.set({ busy: true });
  try {
    const ids = await resolveTargets(target.checked, target.scope, (query) => api.messages.listIds(query));
    if (ids.length === 0) return;
    const result = await callCore(kind, ids, destination?.folder);
    if (removesFromList(kind)) {
      const selection = useSelectionStore.getState();
      if (target.fromChecks) selection.clearChecks();
      else if (selection.checked.kind === 'some') {
        // A row's own menu acted on a ticked row: it left the list, so it leaves the ticks (the others stay).
        const gone = new Set(ids);
        selection.setChecked({ kind: 'some', rows: new Map([...selection.checked.rows].filter(([id]) => !gone.has(id))) });
      }
      if (selection.openMessageId !== null && ids.includes(selection.openMessageId)) selection.closeReader();
    }
    const undoTaskId = result.undoable ? result.taskId : null;
    actions.set({ lastUndoTaskId: undoTaskId });
    actions.pushToast({ kind: 'done', action: kind, count: target.rowCount, folderName: destination?.label, undoTaskId });
  } catch (error) {
    actions.pushToast({ kind: 'call-failed', error });
  } finally {
    useActionsStore.getState().set({ busy: false });
  }
}

/** Puts an action back (the toast's Undo, Ctrl+Z): the core enqueues the inverse and the list follows. */
export async function undoAction(taskId: number): Promise<void> {
  const actions = useActionsStore.getState();
  for (const toast of actions.toasts) {
    if (toast.kind === 'done' && toast.undoTaskId === taskId) actions.dismissToast(toast.id);
  }
  if (actions.lastUndoTaskId === taskId) actions.set({ lastUndoTaskId: null });
  try {
    await api.actions.undo(taskId);
    actions.pushToast({ kind: 'undone' });
  } catch (error) {
    actions.pushToast({ kind: 'undo-failed', error });
  }
}

/** Ctrl+Z: undoes the newest undoable action, once. */
export function undoLastAction(): void {
  const taskId = useActionsStore.getState().lastUndoTaskId;
  if (taskId !== null) void undoAction(taskId);
}
