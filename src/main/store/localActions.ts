/**
 * The local steps of actions on mail: what the cache shows the moment the user acts, before the server has heard
 * of it. Every function runs inside the caller's transaction, the same one that inserts the task, so a crash
 * cannot keep one without the other.
 */
import { all, get, run, type Db } from './db';
import { flagColumns } from './messageWrites';
import { detachRemoteLocation, forgetRemoteLocation, rememberRemoteLocation, serverLocationOf, type ServerLocation } from './tasks';
import { electThreadHead, takeThreadHead } from './threadHeads';

export interface MessageFlagDelta {
  messageId: number;
  /** Flags this message did not have and now has. */
  added: string[];
  /** Flags this message had and no longer has. */
  removed: string[];
}

interface PlacedRow {
  id: number;
  folderId: number;
  uid: number;
  threadId: number;
  threadHead: number;
  date: number;
  flagsJson: string;
}

const ROWS_BY_ID = `SELECT id, folder_id AS folderId, uid, thread_id AS threadId, thread_head AS threadHead, date,
  flags_json AS flagsJson FROM messages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`;

function rowsById(db: Db, messageIds: readonly number[]): PlacedRow[] {
  return all<PlacedRow>(db, ROWS_BY_ID, [JSON.stringify(messageIds)]);
}

/** Flags compare case-insensitively (RFC 9051 §2.3.2): "\SEEN" and "\Seen" are one flag. */
const sameFlag = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Adds and removes flags on cached messages; returns, per message that changed, exactly what changed. */
export function applyFlagsLocally(
  db: Db,
  messageIds: readonly number[],
  add: readonly string[],
  remove: readonly string[],
): MessageFlagDelta[] {
  const deltas: MessageFlagDelta[] = [];
  for (const row of rowsById(db, messageIds)) {
    const before = JSON.parse(row.flagsJson) as string[];
    const added = add.filter((flag) => !before.some((has) => sameFlag(has, flag)));
    const removed = before.filter((has) => remove.some((flag) => sameFlag(has, flag)));
    if (added.length === 0 && removed.length === 0) continue;
    const after = [...before.filter((has) => !removed.includes(has)), ...added];
    const columns = flagColumns(after);
    run(db, 'UPDATE messages SET flags_json = ?, seen = ?, flagged = ?, answered = ? WHERE id = ?', [
      columns.flags_json,
      columns.seen,
      columns.flagged,
      columns.answered,
      row.id,
    ]);
    deltas.push({ messageId: row.id, added, removed });
  }
  return deltas;
}

function isInbox(db: Db, folderId: number): 0 | 1 {
  return get<{ role: string | null }>(db, 'SELECT role FROM folders WHERE id = ?', [folderId])?.role === 'inbox' ? 1 : 0;
}

/** Puts a cached message into another folder under `uid`, keeping thread heads right in both folders. */
function relocate(db: Db, row: PlacedRow, folderId: number, uid: number): void {
  run(db, 'UPDATE messages SET folder_id = ?, uid = ?, thread_head = 0, is_inbox = ? WHERE id = ?', [
    folderId,
    uid,
    isInbox(db, folderId),
    row.id,
  ]);
  if (row.threadHead === 1) electThreadHead(db, row.folderId, row.threadId);
  if (takeThreadHead(db, folderId, row.threadId, { id: row.id, date: row.date })) {
    run(db, 'UPDATE messages SET thread_head = 1 WHERE id = ?', [row.id]);
  }
}

function deleteRow(db: Db, row: PlacedRow): void {
  run(db, 'DELETE FROM messages WHERE id = ?', [row.id]);
  if (row.threadHead === 1) electThreadHead(db, row.folderId, row.threadId);
}

/** A moved message's UID until the server names it: negative, so it can never clash with a real one. */
export const placeholderUid = (messageId: number): number => -messageId;

export interface LocalMove {
  messageId: number;
  fromFolderId: number;
}

/**
 * Moves cached messages into `targetFolderId` under placeholder UIDs and remembers where the server still has
 * each one, for the remote step and for the sync. Messages already in the target are left alone.
 */
export function moveLocally(db: Db, messageIds: readonly number[], targetFolderId: number, taskId: number): LocalMove[] {
  const moved: LocalMove[] = [];
  for (const row of rowsById(db, messageIds)) {
    if (row.folderId === targetFolderId) continue;
    const server = serverLocationOf(db, row.id);
    if (server && row.uid > 0) rememberRemoteLocation(db, server, row.id, taskId);
    relocate(db, row, targetFolderId, placeholderUid(row.id));
    moved.push({ messageId: row.id, fromFolderId: row.folderId });
  }
  return moved;
}

/**
 * The server moved a message: its placeholder takes the UID COPYUID gave. Without one, or when the sync already
 * brought the server's copy, the placeholder goes and the sync's row (now or at the next sync) stands.
 */
export function settleMovedMessage(
  db: Db,
  item: { messageId: number; from: ServerLocation; targetFolderId: number; newUid: number | null },
  taskId: number,
): void {
  forgetRemoteLocation(db, item.from);
  const [row] = rowsById(db, [item.messageId]);
  if (row === undefined) {
    // Deleted from the cache meanwhile: its server copy is now here, and a later task must find it.
    if (item.newUid !== null) rememberRemoteLocation(db, { folderId: item.targetFolderId, uid: item.newUid }, null, taskId);
    return;
  }
  if (row.folderId !== item.targetFolderId || row.uid > 0) {
    // Moved on in the cache by a later action: that action's remote step starts from here.
    if (item.newUid !== null) rememberRemoteLocation(db, { folderId: item.targetFolderId, uid: item.newUid }, row.id, taskId);
    return;
  }
  const synced =
    item.newUid !== null && get(db, 'SELECT 1 FROM messages WHERE folder_id = ? AND uid = ?', [item.targetFolderId, item.newUid]);
  if (item.newUid === null || synced) deleteRow(db, row);
  else run(db, 'UPDATE messages SET uid = ? WHERE id = ?', [item.newUid, row.id]);
}

/** The server refused a move: each message goes back where the server still has it. Returns the ids restored. */
export function revertMove(db: Db, messageIds: readonly number[]): number[] {
  const restored: number[] = [];
  for (const row of rowsById(db, messageIds)) {
    const server = get<ServerLocation>(db, 'SELECT folder_id AS folderId, uid FROM remote_locations WHERE message_id = ?', [row.id]);
    if (!server) continue;
    forgetRemoteLocation(db, server);
    const occupied = get(db, 'SELECT 1 FROM messages WHERE folder_id = ? AND uid = ?', [server.folderId, server.uid]);
    if (occupied) deleteRow(db, row);
    else relocate(db, row, server.folderId, server.uid);
    restored.push(row.id);
  }
  return restored;
}

/**
 * Removes messages from the cache ahead of a permanent delete and returns their server locations (a message only
 * known by placeholder has none yet: the server copy it will get is left alone).
 */
export function deleteLocally(db: Db, messageIds: readonly number[], taskId: number): ServerLocation[] {
  const locations: ServerLocation[] = [];
  for (const row of rowsById(db, messageIds)) {
    const server = serverLocationOf(db, row.id);
    if (server) {
      if (row.uid > 0) rememberRemoteLocation(db, server, null, taskId);
      else detachRemoteLocation(db, row.id, taskId);
      locations.push(server);
    }
    deleteRow(db, row);
  }
  return locations;
}

/** Where cached messages are now, folder by folder (placeholders included, with their negative UIDs). */
export function placesOf(db: Db, messageIds: readonly number[]): Array<{ messageId: number; folderId: number; uid: number }> {
  return rowsById(db, messageIds).map((row) => ({ messageId: row.id, folderId: row.folderId, uid: row.uid }));
}

export interface MessageOwner {
  messageId: number;
  accountId: string;
  folderId: number;
  folderRole: string | null;
}

/** The account and folder of each cached message; unknown ids are left out. */
export function ownersOf(db: Db, messageIds: readonly number[]): MessageOwner[] {
  return all<MessageOwner>(
    db,
    `SELECT m.id AS messageId, m.account_id AS accountId, m.folder_id AS folderId, f.role AS folderRole
     FROM messages m JOIN folders f ON f.id = m.folder_id
     WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.id`,
    [JSON.stringify(messageIds)],
  );
}

/** The account's folder with this role (Trash, Junk, Archive…), the first by path when several claim it. */
export function folderWithRole(db: Db, accountId: string, role: string): number | null {
  return (
    get<{ id: number }>(db, 'SELECT id FROM folders WHERE account_id = ? AND role = ? AND selectable = 1 ORDER BY path LIMIT 1', [
      accountId,
      role,
    ])?.id ?? null
  );
}

/** The account a cached folder belongs to, or null for an unknown folder. */
export function accountOfFolder(db: Db, folderId: number): string | null {
  return get<{ accountId: string }>(db, 'SELECT account_id AS accountId FROM folders WHERE id = ?', [folderId])?.accountId ?? null;
}
