/** The folders table: the account's tree as the server lists it, plus each folder's sync state and counters. */
import { PostinoError } from '../../shared/errors';
import type { Folder } from '../../shared/types';
import type { FolderSyncState, RemoteFolder } from '../sync/sink';
import { all, bit, get, run, type Db } from './db';

/** A folder as stored: `selectable` is SQLite's 0 or 1. */
type FolderRow = Folder & { selectable: number };

const FOLDER_COLUMNS = `f.id, f.account_id AS accountId, f.path, f.name, f.delimiter, f.parent_path AS parentPath,
  f.role, f.selectable, f.total_count AS totalCount, f.unread_count AS unreadCount, f.last_synced_at AS lastSyncedAt`;

// The order people expect in a folder pane; roles not listed ('all', 'flagged') sort with the other folders.
const ROLE_RANK = `CASE f.role WHEN 'inbox' THEN 0 WHEN 'drafts' THEN 1 WHEN 'sent' THEN 2 WHEN 'archive' THEN 3
  WHEN 'junk' THEN 4 WHEN 'trash' THEN 5 ELSE 6 END`;

function toFolder(row: FolderRow): Folder {
  const { selectable: _selectable, ...folder } = row;
  return folder;
}

/** Every folder of one account (or all accounts, oldest account first), roles first, then by path. */
export function listFolders(db: Db, accountId?: string): Folder[] {
  const rows = all<FolderRow>(
    db,
    `SELECT ${FOLDER_COLUMNS} FROM folders f JOIN accounts a ON a.id = f.account_id
     WHERE @accountId IS NULL OR f.account_id = @accountId
     ORDER BY a.created_at, a.id, ${ROLE_RANK}, f.path COLLATE NOCASE, f.path`,
    { accountId: accountId ?? null },
  );
  return rows.map(toFolder);
}

export function getFolder(db: Db, folderId: number): Folder {
  const row = get<FolderRow>(db, `SELECT ${FOLDER_COLUMNS} FROM folders f WHERE f.id = ?`, [folderId]);
  if (!row) throw new PostinoError('not-found', `Folder ${folderId} is not in the cache`, { folderId });
  return toFolder(row);
}

/**
 * Unread messages of one folder, counted afresh from the partial index of unread messages (index-only, one
 * entry per unread message). Folder.unreadCount holds the same number without counting; this is the check.
 */
export function countUnread(db: Db, folderId: number): number {
  const row = get<{ n: number }>(db, 'SELECT count(*) AS n FROM messages WHERE folder_id = ? AND seen = 0', [folderId]);
  return row?.n ?? 0;
}

export interface FolderListChanges {
  idsByPath: Map<string, number>;
  insertedIds: number[];
  updatedIds: number[];
  deletedIds: number[];
}

/**
 * Makes an account's folders equal to the server's list: new paths are inserted, known paths get the server's
 * name, hierarchy, role and selectability, and paths gone from the server are deleted with their messages.
 * A rename on the server arrives as a new path plus a vanished one (without OBJECTID, RFC 8474, there is no
 * way to tell it from a delete and a create).
 */
export function syncFolders(db: Db, accountId: string, remote: readonly RemoteFolder[]): FolderListChanges {
  const known = new Map(
    all<{ id: number; path: string }>(db, 'SELECT id, path FROM folders WHERE account_id = ?', [accountId]).map(
      (row) => [row.path, row.id],
    ),
  );
  const changes: FolderListChanges = { idsByPath: new Map(), insertedIds: [], updatedIds: [], deletedIds: [] };
  for (const folder of remote) {
    const fields = {
      accountId,
      path: folder.path,
      name: folder.name,
      delimiter: folder.delimiter,
      parentPath: folder.parentPath,
      role: folder.role,
      selectable: bit(folder.selectable),
    };
    const knownId = known.get(folder.path);
    if (knownId === undefined) {
      const inserted = run(
        db,
        `INSERT INTO folders (account_id, path, name, delimiter, parent_path, role, selectable)
         VALUES (@accountId, @path, @name, @delimiter, @parentPath, @role, @selectable)`,
        fields,
      );
      const id = Number(inserted.lastInsertRowid);
      changes.insertedIds.push(id);
      changes.idsByPath.set(folder.path, id);
      continue;
    }
    changes.idsByPath.set(folder.path, knownId);
    const updated = run(
      db,
      `UPDATE folders SET name = @name, delimiter = @delimiter, parent_path = @parentPath, role = @role,
         selectable = @selectable
       WHERE id = @id AND (name, delimiter, parent_path, role, selectable)
         IS NOT (@name, @delimiter, @parentPath, @role, @selectable)`,
      { ...fields, id: knownId },
    );
    if (updated.changes === 0) continue;
    changes.updatedIds.push(knownId);
    // The unified inbox reads a per-message flag, so a folder gaining or losing the inbox role updates its rows.
    run(
      db,
      "UPDATE messages SET is_inbox = (SELECT role IS 'inbox' FROM folders WHERE id = @id) WHERE folder_id = @id",
      { id: knownId },
    );
  }
  for (const [path, id] of known) {
    if (changes.idsByPath.has(path)) continue;
    run(db, 'DELETE FROM folders WHERE id = ?', [id]);
    changes.deletedIds.push(id);
  }
  return changes;
}

export function readFolderState(db: Db, folderId: number): FolderSyncState {
  const row = get<FolderSyncState>(
    db,
    `SELECT id AS folderId, uidvalidity AS uidValidity, uidnext AS uidNext, highestmodseq AS highestModseq,
       last_synced_at AS lastSyncedAt
     FROM folders WHERE id = ?`,
    [folderId],
  );
  if (!row) throw new PostinoError('not-found', `Folder ${folderId} is not in the cache`, { folderId });
  return row;
}

/** Writes the given fields of a folder's sync state; fields left out keep their value. */
export function writeFolderState(
  db: Db,
  folderId: number,
  state: Partial<Omit<FolderSyncState, 'folderId'>>,
): void {
  const has = (key: keyof typeof state): 0 | 1 => bit(state[key] !== undefined);
  const updated = run(
    db,
    `UPDATE folders SET
       uidvalidity = CASE WHEN @hasUidValidity THEN @uidValidity ELSE uidvalidity END,
       uidnext = CASE WHEN @hasUidNext THEN @uidNext ELSE uidnext END,
       highestmodseq = CASE WHEN @hasHighestModseq THEN @highestModseq ELSE highestmodseq END,
       last_synced_at = CASE WHEN @hasLastSyncedAt THEN @lastSyncedAt ELSE last_synced_at END
     WHERE id = @folderId`,
    {
      folderId,
      hasUidValidity: has('uidValidity'),
      uidValidity: state.uidValidity ?? null,
      hasUidNext: has('uidNext'),
      uidNext: state.uidNext ?? null,
      hasHighestModseq: has('highestModseq'),
      highestModseq: state.highestModseq ?? null,
      hasLastSyncedAt: has('lastSyncedAt'),
      lastSyncedAt: state.lastSyncedAt ?? null,
    },
  );
  if (updated.changes === 0) {
    throw new PostinoError('not-found', `Folder ${folderId} is not in the cache`, { folderId });
  }
}

/** UIDVALIDITY changed: every cached message of the folder goes (bodies, attachments, search entries with it). */
export function clearFolder(db: Db, folderId: number, uidValidity: number): void {
  run(db, 'DELETE FROM messages WHERE folder_id = ?', [folderId]);
  run(
    db,
    'UPDATE folders SET uidvalidity = ?, uidnext = NULL, highestmodseq = NULL, last_synced_at = NULL WHERE id = ?',
    [uidValidity, folderId],
  );
}
