/** The accounts table. Passwords are not here: they live in the vault, keyed by account id. */
import { randomUUID } from 'node:crypto';
import { PostinoError } from '../../shared/errors';
import type { Account, AccountInput, Identity, Security } from '../../shared/types';
import { all, get, run, type Db } from './db';
import type { Store } from './store';

/** What the store keeps of an account: everything the user typed except the password. */
export type AccountRecord = Omit<AccountInput, 'password'>;

/** Editable fields; the address identifies the account and cannot change. */
export type AccountRecordPatch = Partial<Omit<AccountRecord, 'address'>>;

interface AccountRow {
  id: string;
  address: string;
  displayName: string;
  username: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: Security;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: Security;
  pinnedCertSha256: string | null;
  createdAt: number;
  smtpMaxSize: number | null;
}

const ACCOUNT_COLUMNS = `id, address, display_name AS displayName, username, imap_host AS imapHost,
  imap_port AS imapPort, imap_security AS imapSecurity, smtp_host AS smtpHost, smtp_port AS smtpPort,
  smtp_security AS smtpSecurity, pinned_cert_sha256 AS pinnedCertSha256, created_at AS createdAt,
  smtp_max_size AS smtpMaxSize`;

function aliasesOf(db: Db, accountId: string): Identity[] {
  return all<Identity>(db, 'SELECT address, name, signature FROM account_aliases WHERE account_id = ? ORDER BY position', [accountId]);
}

function toAccount(row: AccountRow, aliases: Identity[]): Account {
  return {
    id: row.id,
    address: row.address,
    displayName: row.displayName,
    username: row.username,
    imap: { host: row.imapHost, port: row.imapPort, security: row.imapSecurity },
    smtp: { host: row.smtpHost, port: row.smtpPort, security: row.smtpSecurity },
    pinnedCertSha256: row.pinnedCertSha256,
    createdAt: row.createdAt,
    identities: [{ address: row.address, name: row.displayName, signature: '' }, ...aliases],
    smtpMaxSize: row.smtpMaxSize,
  };
}

function toParams(account: Account) {
  return {
    id: account.id,
    address: account.address,
    displayName: account.displayName,
    username: account.username,
    imapHost: account.imap.host,
    imapPort: account.imap.port,
    imapSecurity: account.imap.security,
    smtpHost: account.smtp.host,
    smtpPort: account.smtp.port,
    smtpSecurity: account.smtp.security,
    pinnedCertSha256: account.pinnedCertSha256,
    createdAt: account.createdAt,
  };
}

export function listAccounts(db: Db): Account[] {
  return all<AccountRow>(db, `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`).map((row) => toAccount(row, aliasesOf(db, row.id)));
}

export function findAccount(db: Db, id: string): Account | null {
  const row = get<AccountRow>(db, `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`, [id]);
  return row ? toAccount(row, aliasesOf(db, row.id)) : null;
}

/** The account, or a `not-found` error. */
export function getAccount(db: Db, id: string): Account {
  const account = findAccount(db, id);
  if (!account) throw new PostinoError('not-found', `Account ${id} does not exist`, { accountId: id });
  return account;
}

export function countAccounts(db: Db): number {
  return get<{ n: number }>(db, 'SELECT count(*) AS n FROM accounts')?.n ?? 0;
}

/** Adds an account; an address already configured (compared case-insensitively) is a `duplicate-account`. */
export function insertAccount(store: Store, record: AccountRecord): Account {
  const account: Account = {
    id: randomUUID(),
    address: record.address.trim(),
    displayName: record.displayName,
    username: record.username,
    imap: { ...record.imap },
    smtp: { ...record.smtp },
    pinnedCertSha256: record.pinnedCertSha256 ?? null,
    createdAt: store.now(),
    identities: [{ address: record.address.trim(), name: record.displayName, signature: '' }],
    smtpMaxSize: null,
  };
  return store.write(
    () => {
      const duplicate = get(store.db, 'SELECT 1 FROM accounts WHERE address = ?', [account.address]);
      if (duplicate) {
        throw new PostinoError('duplicate-account', `${account.address} is already configured`, {
          field: 'address',
        });
      }
      run(
        store.db,
        `INSERT INTO accounts (id, address, display_name, username, imap_host, imap_port, imap_security,
           smtp_host, smtp_port, smtp_security, pinned_cert_sha256, created_at)
         VALUES (@id, @address, @displayName, @username, @imapHost, @imapPort, @imapSecurity,
           @smtpHost, @smtpPort, @smtpSecurity, @pinnedCertSha256, @createdAt)`,
        toParams(account),
      );
      return account;
    },
    () => ({ entity: 'account', kind: 'insert', ids: [account.id] }),
  );
}

export function updateAccount(store: Store, id: string, patch: AccountRecordPatch & { aliases?: Identity[] }): Account {
  return store.write(
    () => {
      const current = getAccount(store.db, id);
      const displayName = patch.displayName ?? current.displayName;
      const aliases = patch.aliases ?? current.identities.slice(1);
      const next: Account = {
        ...current,
        identities: [{ address: current.address, name: displayName, signature: '' }, ...aliases],
        displayName,
        username: patch.username ?? current.username,
        imap: patch.imap ? { ...patch.imap } : current.imap,
        smtp: patch.smtp ? { ...patch.smtp } : current.smtp,
        pinnedCertSha256: patch.pinnedCertSha256 === undefined ? current.pinnedCertSha256 : patch.pinnedCertSha256,
      };
      run(
        store.db,
        `UPDATE accounts SET display_name = @displayName, username = @username, imap_host = @imapHost,
           imap_port = @imapPort, imap_security = @imapSecurity, smtp_host = @smtpHost, smtp_port = @smtpPort,
           smtp_security = @smtpSecurity, pinned_cert_sha256 = @pinnedCertSha256
         WHERE id = @id`,
        toParams(next),
      );
      if (patch.aliases) replaceAliases(store.db, id, patch.aliases);
      return next;
    },
    () => ({ entity: 'account', kind: 'update', ids: [id] }),
  );
}

function replaceAliases(db: Db, accountId: string, aliases: readonly Identity[]): void {
  run(db, 'DELETE FROM account_aliases WHERE account_id = ?', [accountId]);
  aliases.forEach((alias, index) =>
    run(db, 'INSERT INTO account_aliases (account_id, position, address, name, signature) VALUES (?, ?, ?, ?, ?)', [
      accountId,
      index + 1,
      alias.address,
      alias.name,
      alias.signature,
    ]),
  );
}

/** Stores the SMTP server's SIZE limit as last read; an unchanged value writes nothing and announces nothing. */
export function recordSmtpMaxSize(store: Store, id: string, maxSize: number | null): void {
  store.write(
    () => run(store.db, 'UPDATE accounts SET smtp_max_size = ? WHERE id = ? AND smtp_max_size IS NOT ?', [maxSize, id, maxSize]).changes,
    (changed) => (changed > 0 ? { entity: 'account', kind: 'update', ids: [id] } : null),
  );
}

/** Deletes an account with its folders, messages, bodies, attachments and threads (foreign-key cascades). */
export function deleteAccount(store: Store, id: string): void {
  store.write(
    () => {
      const deleted = run(store.db, 'DELETE FROM accounts WHERE id = ?', [id]);
      if (deleted.changes === 0) throw new PostinoError('not-found', `Account ${id} does not exist`, { accountId: id });
    },
    () => ({ entity: 'account', kind: 'delete', ids: [id] }),
  );
}
