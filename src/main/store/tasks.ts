/**
 * The tasks table (durable user intents, STYLE.md §5) and the server locations of messages a task has moved or
 * deleted in the cache ahead of the server. Every function runs inside the caller's transaction (store.write).
 */
import { PostinoError } from '../../shared/errors';
import { all, column, get, run, type Db } from './db';

export type TaskKind = 'set-flags' | 'move' | 'expunge' | 'append';
export type TaskState = 'pending' | 'done' | 'failed';

export interface FlagChangeSpec {
  messageIds: number[];
  add: string[];
  remove: string[];
}

export interface SetFlagsPayload {
  changes: FlagChangeSpec[];
}

export interface MovePayload {
  moves: Array<{ targetFolderId: number; messageIds: number[] }>;
  /** Stored on the server copies before the move ($Junk / $NotJunk), so they travel with the messages. */
  addFlags: string[];
  removeFlags: string[];
}

export interface ServerLocation {
  folderId: number;
  uid: number;
}

export interface ExpungePayload {
  /** Captured when the messages left the cache: their rows are gone by the time the remote step runs. */
  locations: ServerLocation[];
}

export interface AppendPayload {
  folderId: number;
  /** Where the bytes are: an outbox row (a sent message) or a draft revision. */
  source: { outboxId: number } | { draftId: string; revision: number };
  flags: string[];
  /** A previous server copy to remove once the new one is stored (a draft saved again). */
  replaces: ServerLocation | null;
}

export type TaskSpec =
  | { kind: 'set-flags'; payload: SetFlagsPayload }
  | { kind: 'move'; payload: MovePayload }
  | { kind: 'expunge'; payload: ExpungePayload }
  | { kind: 'append'; payload: AppendPayload };

/** What undoing a task enqueues: an intent whose local step runs when the undo is asked for. */
export type UndoIntent =
  | { kind: 'set-flags'; payload: SetFlagsPayload }
  | { kind: 'move'; payload: MovePayload };

/** What every task row carries beside its kind and payload. */
interface TaskMeta {
  id: number;
  batchId: number;
  accountId: string;
  action: string;
  undo: UndoIntent | null;
  state: TaskState;
  attempts: number;
  nextAttemptAt: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: number;
  finishedAt: number | null;
}

export type TaskRecord = TaskSpec & TaskMeta;

/** A task as stored: the payload and undo intent as JSON. */
type TaskRow = Omit<TaskMeta, 'undo'> & { kind: TaskKind; payloadJson: string; undoJson: string | null };

const TASK_COLUMNS = `id, batch_id AS batchId, account_id AS accountId, action, kind, payload_json AS payloadJson, undo_json AS undoJson, state, attempts,
  next_attempt_at AS nextAttemptAt, error_code AS errorCode, error_message AS errorMessage, created_at AS createdAt,
  finished_at AS finishedAt`;

function toTask(row: TaskRow): TaskRecord {
  const { payloadJson, undoJson, kind, ...rest } = row;
  return {
    ...rest,
    kind,
    payload: JSON.parse(payloadJson),
    undo: undoJson === null ? null : (JSON.parse(undoJson) as UndoIntent),
  } as TaskRecord;
}

/**
 * Inserts a pending task, due now; the first task of a user action starts a batch (pass `batchId: null`), the
 * others of the same action join it. The caller applies its local step in the same transaction.
 */
export function insertTask(
  db: Db,
  task: { accountId: string; action: string; batchId: number | null; spec: TaskSpec },
  now: number,
): number {
  const inserted = run(
    db,
    `INSERT INTO tasks (batch_id, account_id, action, kind, payload_json, state, next_attempt_at, created_at)
     VALUES (coalesce(@batchId, (SELECT coalesce(max(id), 0) + 1 FROM tasks)), @accountId, @action, @kind, @payload,
       'pending', @now, @now)`,
    {
      batchId: task.batchId,
      accountId: task.accountId,
      action: task.action,
      kind: task.spec.kind,
      payload: JSON.stringify(task.spec.payload),
      now,
    },
  );
  return Number(inserted.lastInsertRowid);
}

/** Written after the local step, which is what learns what the inverse must restore. */
export function setTaskUndo(db: Db, taskId: number, undo: UndoIntent | null): void {
  run(db, 'UPDATE tasks SET undo_json = ? WHERE id = ?', [undo === null ? null : JSON.stringify(undo), taskId]);
}

/** The remote step now has less to do (a draft's superseded copy is already gone, say). */
export function updateTaskPayload(db: Db, taskId: number, spec: TaskSpec): void {
  run(db, 'UPDATE tasks SET payload_json = ? WHERE id = ? AND kind = ?', [JSON.stringify(spec.payload), taskId, spec.kind]);
}

export function getTask(db: Db, taskId: number): TaskRecord {
  const row = get<TaskRow>(db, `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`, [taskId]);
  if (!row) throw new PostinoError('not-found', `Task ${taskId} does not exist`, { taskId });
  return toTask(row);
}

/** The oldest pending task of the account: tasks run strictly in the order the user asked for them. */
export function tasksOfBatch(db: Db, batchId: number): TaskRecord[] {
  return all<TaskRow>(db, `SELECT ${TASK_COLUMNS} FROM tasks WHERE batch_id = ? ORDER BY id`, [batchId]).map(toTask);
}

export function firstPendingTask(db: Db, accountId: string): TaskRecord | null {
  const row = get<TaskRow>(
    db,
    `SELECT ${TASK_COLUMNS} FROM tasks WHERE account_id = ? AND state = 'pending' ORDER BY id LIMIT 1`,
    [accountId],
  );
  return row ? toTask(row) : null;
}

export function accountsWithPendingTasks(db: Db): string[] {
  return column<string>(db, "SELECT DISTINCT account_id FROM tasks WHERE state = 'pending'");
}

export function finishTask(db: Db, taskId: number, now: number): void {
  run(db, "UPDATE tasks SET state = 'done', finished_at = ?, error_code = NULL, error_message = NULL WHERE id = ?", [now, taskId]);
}

export function failTask(db: Db, taskId: number, error: { code: string; message: string }, now: number): void {
  run(db, "UPDATE tasks SET state = 'failed', finished_at = ?, error_code = ?, error_message = ? WHERE id = ?", [
    now,
    error.code,
    error.message,
    taskId,
  ]);
}

/** A transient failure: the task stays first in line and is tried again at `nextAttemptAt`. */
export function postponeTask(db: Db, taskId: number, error: { code: string; message: string }, nextAttemptAt: number): void {
  run(
    db,
    `UPDATE tasks SET attempts = attempts + 1, next_attempt_at = ?, error_code = ?, error_message = ? WHERE id = ?`,
    [nextAttemptAt, error.code, error.message, taskId],
  );
}

/** Brings a waiting task forward: its server is reachable again. */
export function makeTaskDue(db: Db, taskId: number, now: number): void {
  run(db, 'UPDATE tasks SET next_attempt_at = ? WHERE id = ?', [now, taskId]);
}

/** Where the server has this message now: its pending remote location, else its own row when that is not a placeholder. */
export function serverLocationOf(db: Db, messageId: number): ServerLocation | null {
  const pending = get<ServerLocation>(db, 'SELECT folder_id AS folderId, uid FROM remote_locations WHERE message_id = ?', [messageId]);
  if (pending) return pending;
  const own = get<ServerLocation>(db, 'SELECT folder_id AS folderId, uid FROM messages WHERE id = ? AND uid > 0', [messageId]);
  return own ?? null;
}

export function rememberRemoteLocation(db: Db, location: ServerLocation, messageId: number | null, taskId: number): void {
  run(
    db,
    `INSERT INTO remote_locations (folder_id, uid, message_id, task_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (folder_id, uid) DO UPDATE SET message_id = excluded.message_id, task_id = excluded.task_id`,
    [location.folderId, location.uid, messageId, taskId],
  );
}

export function forgetRemoteLocation(db: Db, location: ServerLocation): void {
  run(db, 'DELETE FROM remote_locations WHERE folder_id = ? AND uid = ?', [location.folderId, location.uid]);
}

/** The remote location of a message the cache no longer holds (permanently deleted ahead of the server). */
export function detachRemoteLocation(db: Db, messageId: number, taskId: number): void {
  run(db, 'UPDATE remote_locations SET message_id = NULL, task_id = ? WHERE message_id = ?', [taskId, messageId]);
}

/**
 * The UIDs the sync must treat as cached in a folder: real rows (placeholders excluded: the server has never
 * heard of a negative UID) plus server copies whose cached message a pending task has moved or deleted.
 */
export function cachedUidsForSync(db: Db, folderId: number): number[] {
  return column<number>(
    db,
    `SELECT uid FROM messages WHERE folder_id = ? AND uid > 0
     UNION SELECT uid FROM remote_locations WHERE folder_id = ? ORDER BY uid`,
    [folderId, folderId],
  );
}

export interface FolderPath {
  id: number;
  accountId: string;
  path: string;
  role: string | null;
}

export function folderPaths(db: Db, folderIds: readonly number[]): Map<number, FolderPath> {
  const rows = all<FolderPath>(
    db,
    'SELECT id, account_id AS accountId, path, role FROM folders WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(folderIds)],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
