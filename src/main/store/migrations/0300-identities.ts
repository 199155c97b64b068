/**
 * Identities: the From addresses an account may send as besides its own (aliases the provider routes to the same
 * mailbox), each with its own name and signature. The account's own address stays in `accounts`; `position` keeps
 * the order the user gave. `smtp_max_size` is the submission server's SIZE (RFC 1870), read when the account is
 * verified or sends, null until then or when the server announces no limit.
 */
import type { Migration } from './index';

export const migration0300: Migration = {
  version: 300,
  name: 'identities',
  up: (db) => {
    db.exec(`
      CREATE TABLE account_aliases (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        address TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (account_id, position),
        UNIQUE (account_id, address)
      ) STRICT;
      ALTER TABLE accounts ADD COLUMN smtp_max_size INTEGER;
    `);
  },
};
