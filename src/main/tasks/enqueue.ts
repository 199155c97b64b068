/**
 * Turns an intent into a task: the local step and the task row are written in one transaction, so the list
 * changes the moment the user acts and a crash can never keep the one without the other. The local step also
 * learns what undoing it must restore (only the messages that really changed), which is stored with the task.
 */
import { PostinoError } from '../../shared/errors';
import type { ChangeRecord } from '../../shared/types';
import { applyFlagsLocally, deleteLocally, moveLocally, type MessageFlagDelta } from '../store/localActions';
import type { Store } from '../store/store';
import {
  insertTask,
  setTaskUndo,
  updateTaskPayload,
  type FlagChangeSpec,
  type MovePayload,
  type SetFlagsPayload,
  type UndoIntent,
} from '../store/tasks';

export type Intent =
  | { kind: 'set-flags'; payload: SetFlagsPayload }
  | { kind: 'move'; payload: MovePayload }
  | { kind: 'expunge'; messageIds: number[] };

export interface Enqueued {
  /** The batch: the id of its first task, what `undo` takes. */
  taskId: number;
  undoable: boolean;
}

/** One part of a user action: what to do on one account's messages. */
export interface ActionPart {
  accountId: string;
  intent: Intent;
}

/**
 * Applies the local steps of one user action and records their remote steps, all in one transaction: one task
 * per part, in one batch. Returns the batch and whether any part has something to undo.
 */
export function enqueueAction(store: Store, action: string, parts: readonly ActionPart[]): Enqueued {
  const touched = new Set<number>();
  let deleted = false;
  return store.write(
    () => {
      let batchId: number | null = null;
      let undoable = false;
      for (const part of parts) {
        const result = applyPart(store, { ...part, action, batchId }, touched);
        batchId ??= result.taskId;
        undoable ||= result.undoable;
        deleted ||= part.intent.kind === 'expunge';
      }
      if (batchId === null) throw new PostinoError('invalid-input', 'The action concerns no message', { field: 'messageIds' });
      return { taskId: batchId, undoable };
    },
    (): ChangeRecord | null =>
      touched.size === 0 ? null : { entity: 'message', kind: deleted ? 'delete' : 'update', ids: [...touched] },
  );
}

function applyPart(
  store: Store,
  part: ActionPart & { action: string; batchId: number | null },
  touched: Set<number>,
): { taskId: number; undoable: boolean } {
  const { db } = store;
  const { intent } = part;
  const now = store.now();
  const task = { accountId: part.accountId, action: part.action, batchId: part.batchId };
  if (intent.kind === 'set-flags') {
    const taskId = insertTask(db, { ...task, spec: intent }, now);
    const deltas = intent.payload.changes.flatMap((change) => applyFlagsLocally(db, change.messageIds, change.add, change.remove));
    deltas.forEach((delta) => touched.add(delta.messageId));
    const undo: UndoIntent | null = deltas.length > 0 ? { kind: 'set-flags', payload: { changes: inverseChanges(deltas) } } : null;
    setTaskUndo(db, taskId, undo);
    return { taskId, undoable: undo !== null };
  }
  if (intent.kind === 'move') {
    const taskId = insertTask(db, { ...task, spec: intent }, now);
    const { addFlags, removeFlags } = intent.payload;
    const allIds = intent.payload.moves.flatMap((move) => move.messageIds);
    const deltas = applyFlagsLocally(db, allIds, addFlags, removeFlags);
    const moved = intent.payload.moves.flatMap((move) => moveLocally(db, move.messageIds, move.targetFolderId, taskId));
    deltas.forEach((delta) => touched.add(delta.messageId));
    moved.forEach((item) => touched.add(item.messageId));
    const undo = moved.length > 0 || deltas.length > 0 ? inverseMove(moved, deltas) : null;
    setTaskUndo(db, taskId, undo);
    return { taskId, undoable: undo !== null };
  }
  const taskId = insertTask(db, { ...task, spec: { kind: 'expunge', payload: { locations: [] } } }, now);
  const locations = deleteLocally(db, intent.messageIds, taskId);
  updateTaskPayload(db, taskId, { kind: 'expunge', payload: { locations } });
  intent.messageIds.forEach((id) => touched.add(id));
  return { taskId, undoable: false };
}

/** Groups per-message deltas into as few inverse changes as possible (one per distinct delta, usually one). */
export function inverseChanges(deltas: readonly MessageFlagDelta[]): FlagChangeSpec[] {
  const groups = new Map<string, FlagChangeSpec>();
  for (const delta of deltas) {
    const add = [...delta.removed].sort();
    const remove = [...delta.added].sort();
    const key = JSON.stringify([add, remove]);
    const group = groups.get(key) ?? { messageIds: [], add, remove };
    group.messageIds.push(delta.messageId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The inverse of a move: each message back to the folder it came from. Flags set with it ($Junk) are taken off
 * again and flags it took off are put back, for the whole set: a message that had $NotJunk before a "spam" and
 * one that did not both get it back, which costs nothing a user would notice.
 */
function inverseMove(moved: ReadonlyArray<{ messageId: number; fromFolderId: number }>, deltas: readonly MessageFlagDelta[]): UndoIntent {
  const byFolder = new Map<number, number[]>();
  for (const item of moved) byFolder.set(item.fromFolderId, [...(byFolder.get(item.fromFolderId) ?? []), item.messageId]);
  const added = new Set(deltas.flatMap((delta) => delta.added));
  const removed = new Set(deltas.flatMap((delta) => delta.removed));
  const moves = [...byFolder].map(([targetFolderId, messageIds]) => ({ targetFolderId, messageIds }));
  if (moves.length === 0) {
    return { kind: 'set-flags', payload: { changes: inverseChanges(deltas) } };
  }
  return { kind: 'move', payload: { moves, addFlags: [...removed], removeFlags: [...added] } };
}
