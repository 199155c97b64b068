/**
 * Durable user intents (STYLE.md §5). Design notes:
 * - `tasks` holds one row per action the user took. Its local step has already been applied to the cache in the
 *   transaction that inserted the row; `payload_json` is what the remote step needs, `undo_json` what its
 *   inverse would be (null when it has none). Pending tasks run per account in id order, so a later intent
 *   never overtakes an earlier one.
 * - `remote_locations` remembers where the server still keeps a message the cache already shows elsewhere (a
 *   move whose remote step has not run) or no longer shows (a permanent delete not yet expunged). The sync reads
 *   these UIDs as cached, so it neither re-inserts the message into its old folder nor loses track of it.
 *   A moved message waits in its new folder under a placeholder UID (its negated id) until COPYUID or the next
 *   sync gives it the real one; placeholders are never shown to the sync as cached UIDs.
 */
import type { Migration } from './index';

export const migration0100: Migration = {
  version: 100,
  name: 'tasks',
  up: (db) => {
    db.exec(`
      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        -- Tasks created by one user action (messages of several accounts) share a batch: undo takes them all.
        batch_id INTEGER NOT NULL,
        -- What the user asked for ('markRead', 'spam', 'send'…), for the words of a failure.
        action TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('set-flags', 'move', 'expunge', 'append')),
        payload_json TEXT NOT NULL,
        undo_json TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX tasks_pending_by_account ON tasks (account_id, id) WHERE state = 'pending';
      CREATE INDEX tasks_by_batch ON tasks (batch_id);

      CREATE TABLE remote_locations (
        folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        uid INTEGER NOT NULL,
        -- The cached message this server copy belongs to; null once the cache deleted it (permanent delete).
        message_id INTEGER,
        task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        PRIMARY KEY (folder_id, uid)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX remote_locations_by_message ON remote_locations (message_id) WHERE message_id IS NOT NULL;

      -- A moved message changes folder in place (its id, body and search entry stay); the counters follow it.
      -- Writers change folder_id and seen in separate statements, so this and the seen trigger never overlap.
      CREATE TRIGGER messages_counted_on_move AFTER UPDATE OF folder_id ON messages WHEN OLD.folder_id <> NEW.folder_id BEGIN
        UPDATE folders SET total_count = total_count - 1, unread_count = unread_count - (OLD.seen = 0) WHERE id = OLD.folder_id;
        UPDATE folders SET total_count = total_count + 1, unread_count = unread_count + (NEW.seen = 0) WHERE id = NEW.folder_id;
      END;
    `);
  },
};
