/**
 * Drafts, saved locally on every change and copied to the server's Drafts folder now and then. `revision` is the
 * composer's counter: a save only ever replaces a lower revision. `server_*` describe the copy on the server (the
 * revision it holds and where), so the next upload can replace it.
 */
import type { Migration } from './index';

export const migration0120: Migration = {
  version: 120,
  name: 'drafts',
  up: (db) => {
    db.exec(`
      CREATE TABLE drafts (
        draft_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        draft_json TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        server_folder_id INTEGER REFERENCES folders (id) ON DELETE SET NULL,
        server_uid INTEGER,
        server_revision INTEGER
      ) STRICT;
    `);
  },
};
