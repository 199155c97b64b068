/**
 * The address book behind the composer's suggestions: every address seen in cached mail, with how often and how
 * recently the user wrote to it. It is filled from `messages` lazily (rows past `indexed_through_id`, see
 * store/addressBook.ts) rather than by a trigger, because a per-row trigger on messages costs every sync batch.
 * Both lookups the composer makes (address prefix, name prefix) are index ranges under NOCASE.
 */
import type { Migration } from './index';

export const migration0130: Migration = {
  version: 130,
  name: 'address-book',
  up: (db) => {
    db.exec(`
      CREATE TABLE address_book (
        address TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
        name TEXT NOT NULL,
        written_count INTEGER NOT NULL DEFAULT 0,
        last_written_at INTEGER NOT NULL DEFAULT 0,
        seen_count INTEGER NOT NULL DEFAULT 0,
        last_seen_at INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX address_book_by_name ON address_book (name COLLATE NOCASE);

      CREATE TABLE address_book_progress (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_through_id INTEGER NOT NULL
      ) STRICT;
      INSERT INTO address_book_progress (id, indexed_through_id) VALUES (1, 0);
    `);
  },
};
