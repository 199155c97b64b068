/**
 * The outbox: messages the user sent, built once (MIME with a stable Message-ID) and kept until the server has
 * them. `state` is written before and after the message's bytes go out after DATA, so a restart can tell a
 * message that never reached the server (`sending`: send again) from one whose fate is unknown (`in-data`:
 * never again without the user's retry).
 */
import type { Migration } from './index';

export const migration0110: Migration = {
  version: 110,
  name: 'outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        draft_id TEXT NOT NULL,
        -- The draft as the user sent it: what cancelSend gives back to the composer.
        draft_json TEXT NOT NULL,
        message_id_header TEXT NOT NULL,
        subject TEXT NOT NULL,
        to_json TEXT NOT NULL,
        envelope_from TEXT NOT NULL,
        envelope_to_json TEXT NOT NULL,
        mime BLOB NOT NULL,
        -- The copy filed in Sent: the same message with its Bcc header kept, so the user sees whom it went to.
        sent_copy_mime BLOB NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'in-data', 'sent', 'sent-unconfirmed', 'failed', 'cancelled')),
        send_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        smtp_response TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_queued_by_account ON outbox (account_id, next_attempt_at) WHERE state = 'queued';
    `);
  },
};
