/**
 * The first schema. Design notes:
 * - Folder counters (total, unread) are kept by triggers on delete and on a change of `seen`, so expunge,
 *   folder deletion and flag changes keep them right without remembering to. Inserts are the exception: the one
 *   place that inserts messages (messageWrites.upsertHeaders) adds a whole batch to the counters at once, since
 *   a per-row trigger was a third of the cost of storing a header.
 * - The message list is served from indexes on (folder_id, date): scanned backwards they give
 *   `date DESC, id DESC` (the rowid closes every index), so neither a page nor a window needs a sort.
 *   Partial indexes give the same order for each list filter (unread, flagged, with attachments), for thread
 *   heads (the newest message of each thread in a folder: `thread_head = 1`), for every account's Inbox
 *   (`is_inbox = 1`) and for messages without a body. A filter that matches few messages (flagged, in a big
 *   folder) would otherwise read the whole folder to fill a page; a partial index costs a write only for the
 *   rows it holds.
 * - The search index is contentless (the text lives in `messages` and `bodies`) and its rowid encodes the
 *   message date then id (see SEARCH_ROWID), so "newest matches first" is FTS5's own reverse rowid walk
 *   instead of a sort of the whole match set.
 * - thread_links maps every Message-ID an account has seen (a message's own, or one it references) to a
 *   thread, like the id table of JWZ's threading algorithm; threads keeps the normalised subject used as the
 *   last resort.
 */
import type { Migration } from './index';

/**
 * The search rowid of a message: its date in whole seconds (clamped to [0, 2^32)) times 2^31, plus its id.
 * Computed by SQLite in 64-bit integers; JavaScript never holds it (it exceeds 2^53). The CASTs matter:
 * better-sqlite3 binds every JavaScript number as a REAL, which would make the arithmetic inexact. The low 31 bits
 * hold the message id (migration 0320 takes the top one of them for header entries: see store/search.ts).
 */
export const SEARCH_ROWID = (date: string, id: string): string =>
  `(CAST(min(max(${date}, 0), 4294967295999) AS INTEGER) / 1000 * 2147483648 + CAST(${id} AS INTEGER))`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        address TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        username TEXT NOT NULL,
        imap_host TEXT NOT NULL,
        imap_port INTEGER NOT NULL,
        imap_security TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls', 'none')),
        smtp_host TEXT NOT NULL,
        smtp_port INTEGER NOT NULL,
        smtp_security TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'none')),
        pinned_cert_sha256 TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        delimiter TEXT NOT NULL,
        parent_path TEXT,
        role TEXT CHECK (role IN ('inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged')),
        selectable INTEGER NOT NULL,
        uidvalidity INTEGER,
        uidnext INTEGER,
        highestmodseq TEXT,
        last_synced_at INTEGER,
        total_count INTEGER NOT NULL DEFAULT 0,
        unread_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, path)
      ) STRICT;

      -- merged_into: a thread absorbed by another. Links keep pointing at the absorbed thread and resolve in one
      -- hop (merges re-point earlier absorptions too), so a merge never rewrites thread_links.
      CREATE TABLE threads (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        subject_key TEXT NOT NULL,
        last_date INTEGER NOT NULL,
        merged_into INTEGER
      ) STRICT;
      CREATE INDEX threads_by_subject ON threads (account_id, subject_key, last_date) WHERE merged_into IS NULL;
      CREATE INDEX threads_by_merged_into ON threads (merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE thread_links (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        message_id_header TEXT NOT NULL,
        thread_id INTEGER NOT NULL,
        PRIMARY KEY (account_id, message_id_header)
      ) STRICT, WITHOUT ROWID;

      -- AUTOINCREMENT: an id is never reused, so a window or a task still holding the id of an expunged message
      -- can never land on a newer one.
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        uid INTEGER NOT NULL,
        modseq TEXT,
        message_id_header TEXT,
        in_reply_to TEXT,
        references_json TEXT NOT NULL,
        thread_id INTEGER NOT NULL,
        thread_head INTEGER NOT NULL DEFAULT 0,
        is_inbox INTEGER NOT NULL,
        flags_json TEXT NOT NULL,
        seen INTEGER NOT NULL,
        flagged INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        subject TEXT NOT NULL,
        from_json TEXT,
        to_json TEXT NOT NULL,
        cc_json TEXT NOT NULL,
        bcc_json TEXT NOT NULL,
        reply_to_json TEXT NOT NULL,
        date INTEGER NOT NULL,
        internal_date INTEGER NOT NULL,
        size INTEGER NOT NULL,
        snippet TEXT NOT NULL,
        has_attachments INTEGER NOT NULL,
        text_parts_json TEXT NOT NULL,
        body_cached INTEGER NOT NULL DEFAULT 0,
        UNIQUE (folder_id, uid)
      ) STRICT;
      CREATE INDEX messages_by_folder_date ON messages (folder_id, date);
      CREATE INDEX messages_unread_by_folder_date ON messages (folder_id, date) WHERE seen = 0;
      CREATE INDEX messages_flagged_by_folder_date ON messages (folder_id, date) WHERE flagged = 1;
      CREATE INDEX messages_with_attachments_by_folder_date ON messages (folder_id, date) WHERE has_attachments = 1;
      CREATE INDEX messages_heads_by_folder_date ON messages (folder_id, date) WHERE thread_head = 1;
      CREATE INDEX messages_inbox_by_date ON messages (date) WHERE is_inbox = 1;
      CREATE INDEX messages_inbox_unread_by_date ON messages (date) WHERE is_inbox = 1 AND seen = 0;
      CREATE INDEX messages_inbox_flagged_by_date ON messages (date) WHERE is_inbox = 1 AND flagged = 1;
      CREATE INDEX messages_inbox_with_attachments_by_date ON messages (date)
        WHERE is_inbox = 1 AND has_attachments = 1;
      CREATE INDEX messages_inbox_heads_by_date ON messages (date) WHERE is_inbox = 1 AND thread_head = 1;
      CREATE INDEX messages_without_body_by_folder_date ON messages (folder_id, date) WHERE body_cached = 0;
      -- Thread first: merges rewrite whole threads; heads and thread counts ask for one thread in one folder.
      CREATE INDEX messages_by_thread_folder ON messages (thread_id, folder_id, date);

      CREATE TABLE bodies (
        message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        text TEXT,
        html TEXT,
        has_remote_content INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        part TEXT NOT NULL,
        filename TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_id TEXT,
        inline INTEGER NOT NULL,
        UNIQUE (message_id, part)
      ) STRICT;

      -- Apart from the metadata, so listing a message's attachments never reads their bytes.
      CREATE TABLE attachment_contents (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
        bytes BLOB NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE messages_search USING fts5 (
        subject, addresses, body,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER messages_counted_on_delete AFTER DELETE ON messages BEGIN
        UPDATE folders SET total_count = total_count - 1, unread_count = unread_count - (OLD.seen = 0)
        WHERE id = OLD.folder_id;
        DELETE FROM messages_search WHERE rowid = ${SEARCH_ROWID('OLD.date', 'OLD.id')};
      END;
      CREATE TRIGGER messages_counted_on_seen AFTER UPDATE OF seen ON messages WHEN OLD.seen <> NEW.seen BEGIN
        UPDATE folders SET unread_count = unread_count + OLD.seen - NEW.seen WHERE id = NEW.folder_id;
      END;
    `);
  },
};
