/**
 * The thread head of a folder is the newest of a thread's messages in that folder (`thread_head = 1`): the one
 * row the threaded list shows. Kept on every insert and delete, so the threaded list is a plain indexed scan.
 */
import { get, run, type Db } from './db';

interface HeadRow {
  id: number;
  date: number;
}

const newer = (a: HeadRow, b: HeadRow): boolean => a.date > b.date || (a.date === b.date && a.id > b.id);

/**
 * Decides whether a message about to be inserted becomes its thread's head in the folder; when it does, the
 * previous head steps down. Returns the value for the new row's `thread_head`.
 */
export function takeThreadHead(db: Db, folderId: number, threadId: number, incoming: HeadRow): boolean {
  const current = get<HeadRow>(
    db,
    'SELECT id, date FROM messages WHERE folder_id = ? AND thread_id = ? AND thread_head = 1',
    [folderId, threadId],
  );
  if (current && !newer(incoming, current)) return false;
  if (current) run(db, 'UPDATE messages SET thread_head = 0 WHERE id = ?', [current.id]);
  return true;
}

/** Re-elects the head of one thread in one folder (after its head was expunged). */
export function electThreadHead(db: Db, folderId: number, threadId: number): void {
  run(
    db,
    `UPDATE messages SET thread_head = 1 WHERE id =
       (SELECT id FROM messages WHERE folder_id = ? AND thread_id = ? ORDER BY date DESC, id DESC LIMIT 1)`,
    [folderId, threadId],
  );
}

/** Re-elects the heads of a thread in every folder (after threads merged). */
export function electThreadHeadsEverywhere(db: Db, threadId: number): void {
  run(
    db,
    `UPDATE messages SET thread_head = (id = (
       SELECT newest.id FROM messages AS newest
       WHERE newest.folder_id = messages.folder_id AND newest.thread_id = messages.thread_id
       ORDER BY newest.date DESC, newest.id DESC LIMIT 1))
     WHERE thread_id = ?`,
    [threadId],
  );
}
