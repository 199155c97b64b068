/**
 * Search entries written once (see store/search.ts): a message's header entry has bit 30 of its rowid set, its full
 * entry (with the body) has it clear, and the message id is the 30 bits below (a billion messages per cache). Until
 * now a body replaced the one entry of its message; this step re-indexes every cached message the new way, once.
 */
import { all, type Db } from '../db';
import { indexFullText, indexHeaders, SEARCH_COLUMNS_SQL, SEARCH_HEADER_BIT, searchableText, type SearchColumns } from '../search';
import { SEARCH_ROWID } from './0010-initial';
import type { Migration } from './index';

/** Messages re-indexed per statement batch: bounded memory whatever the size of the cache. */
const REINDEX_BATCH = 500;

export const migration0320: Migration = {
  version: 320,
  name: 'search entries',
  up: (db) => {
    db.exec(`
      DROP TRIGGER messages_counted_on_delete;
      CREATE TRIGGER messages_counted_on_delete AFTER DELETE ON messages BEGIN
        UPDATE folders SET total_count = total_count - 1, unread_count = unread_count - (OLD.seen = 0)
        WHERE id = OLD.folder_id;
        DELETE FROM messages_search WHERE rowid IN (
          ${SEARCH_ROWID('OLD.date', 'OLD.id')}, ${SEARCH_ROWID('OLD.date', 'OLD.id')} + ${SEARCH_HEADER_BIT}
        );
      END;
      INSERT INTO messages_search (messages_search) VALUES ('delete-all');
    `);
    // Ascending search rowid, so each batch below continues the last one (see search.ts on FTS5 segments).
    const ids = all<{ id: number }>(db, `SELECT id FROM messages ORDER BY ${SEARCH_ROWID('date', 'id')}`).map((row) => row.id);
    for (let start = 0; start < ids.length; start += REINDEX_BATCH) reindex(db, ids.slice(start, start + REINDEX_BATCH));
  },
};

function reindex(db: Db, ids: number[]): void {
  const rows = all<SearchColumns & { id: number; body: string | null }>(
    db,
    `SELECT m.id, ${SEARCH_COLUMNS_SQL('m.')}, CASE WHEN m.body_cached = 1 THEN coalesce(b.text, '') END AS body
     FROM messages m LEFT JOIN bodies b ON b.message_id = m.id
     WHERE m.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  indexHeaders(db, rows.map((row) => ({ messageId: row.id, date: row.date, text: searchableText(row, '') })));
  indexFullText(
    db,
    rows.flatMap((row) =>
      row.body === null ? [] : [{ messageId: row.id, date: row.date, text: searchableText(row, row.body), replace: false }],
    ),
  );
}
