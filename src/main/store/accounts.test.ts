import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAccounts, deleteAccount, findAccount, getAccount, insertAccount, listAccounts, recordSmtpMaxSize, updateAccount } from './accounts';
import { get } from './db';
import { createSyncSink } from './syncSink';
import { header, openTestStore, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let clock = 1_000;
beforeEach(() => {
  clock = 1_000;
  t = openTestStore({ now: () => clock++ });
});
afterEach(() => t.dispose());

const record = (address: string) => ({
  address,
  displayName: 'Anna Rossi',
  username: address,
  imap: { host: '127.0.0.1', port: 993, security: 'tls' as const },
  smtp: { host: '127.0.0.1', port: 465, security: 'tls' as const },
  pinnedCertSha256: 'AB:CD',
});
const rows = (table: string) => get<{ n: number }>(t.store.db, `SELECT count(*) AS n FROM ${table}`)?.n;

describe('accounts', () => {
  it('inserts an account, lists them oldest first, and never stores a password column', () => {
    const first = insertAccount(t.store, record('anna@postino.test'));
    const second = insertAccount(t.store, record('bob@postino.test'));
    expect(first).toMatchObject({ address: 'anna@postino.test', createdAt: 1000, pinnedCertSha256: 'AB:CD' });
    expect(listAccounts(t.store.db).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(getAccount(t.store.db, first.id)).toEqual(first);
    expect(countAccounts(t.store.db)).toBe(2);
    const columns = t.store.db.prepare('SELECT * FROM accounts').columns().map((c) => c.name);
    expect(columns.some((name) => name.includes('pass'))).toBe(false);
    expect(t.changes).toEqual([
      { entity: 'account', kind: 'insert', ids: [first.id] },
      { entity: 'account', kind: 'insert', ids: [second.id] },
    ]);
  });

  it('refuses an address already configured, whatever its case', () => {
    insertAccount(t.store, record('anna@postino.test'));
    expect(() => insertAccount(t.store, record('Anna@Postino.TEST'))).toThrow(
      expect.objectContaining({ code: 'duplicate-account' }) as Error,
    );
    expect(countAccounts(t.store.db)).toBe(1);
  });

  it('updates the editable fields and keeps the rest', () => {
    const account = insertAccount(t.store, record('anna@postino.test'));
    const updated = updateAccount(t.store, account.id, {
      displayName: 'Anna R.',
      smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
      pinnedCertSha256: null,
    });
    expect(updated).toEqual({
      ...account,
      displayName: 'Anna R.',
      smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
      pinnedCertSha256: null,
      identities: [{ address: 'anna@postino.test', name: 'Anna R.', signature: '' }],
    });
    expect(getAccount(t.store.db, account.id)).toEqual(updated);
  });

  it('keeps aliases after the account’s own identity, in the order given, and replaces them as a whole', () => {
    const account = insertAccount(t.store, record('anna@postino.test'));
    const info = { address: 'info@postino.test', name: 'Studio', signature: 'Studio Rossi' };
    const sales = { address: 'sales@postino.test', name: '', signature: '' };
    updateAccount(t.store, account.id, { aliases: [sales, info] });
    expect(getAccount(t.store.db, account.id).identities).toEqual([account.identities[0], sales, info]);
    updateAccount(t.store, account.id, { displayName: 'Anna R.' });
    expect(listAccounts(t.store.db)[0]?.identities.slice(1)).toEqual([sales, info]);
    updateAccount(t.store, account.id, { aliases: [info] });
    expect(getAccount(t.store.db, account.id).identities).toEqual([{ ...account.identities[0], name: 'Anna R.' }, info]);
  });

  it('records the SMTP size limit, announcing a change only when the value differs', () => {
    const account = insertAccount(t.store, record('anna@postino.test'));
    expect(account.smtpMaxSize).toBeNull();
    t.changes.length = 0;
    recordSmtpMaxSize(t.store, account.id, 10_240_000);
    recordSmtpMaxSize(t.store, account.id, 10_240_000);
    expect(getAccount(t.store.db, account.id).smtpMaxSize).toBe(10_240_000);
    expect(t.changes).toEqual([{ entity: 'account', kind: 'update', ids: [account.id] }]);
  });

  it('an unknown id is not-found for get, update and delete', () => {
    const notFound = expect.objectContaining({ code: 'not-found' }) as Error;
    expect(findAccount(t.store.db, 'nope')).toBeNull();
    expect(() => getAccount(t.store.db, 'nope')).toThrow(notFound);
    expect(() => updateAccount(t.store, 'nope', { displayName: 'x' })).toThrow(notFound);
    expect(() => deleteAccount(t.store, 'nope')).toThrow(notFound);
  });

  it('deleting an account takes its folders, messages, bodies, attachments, threads and search entries', () => {
    const { accountId, folderIds } = seedAccount(t.store);
    const kept = seedAccount(t.store, 'bob@postino.test');
    const sink = createSyncSink(t.store);
    const [id] = sink.applyNewMessages(folderIds.get('INBOX') as number, [
      header(1, {
        attachments: [{ part: '2', filename: 'a.pdf', contentType: 'application/pdf', size: 1, contentId: null, inline: false }],
      }),
    ]);
    sink.applyBody(id as number, { text: 'hello', html: null, hasRemoteContent: false, snippet: 'hello' });
    sink.applyNewMessages(kept.folderIds.get('INBOX') as number, [header(1)]);

    deleteAccount(t.store, accountId);
    expect(listAccounts(t.store.db).map((a) => a.id)).toEqual([kept.accountId]);
    expect(rows('folders')).toBe(1);
    expect(rows('messages')).toBe(1);
    expect(rows('bodies')).toBe(0);
    expect(rows('attachments')).toBe(0);
    expect(rows('threads')).toBe(1);
    expect(rows('thread_links')).toBe(1);
    expect(rows('messages_search')).toBe(1);
    expect(t.changes.at(-1)).toEqual({ entity: 'account', kind: 'delete', ids: [accountId] });
  });
});
