import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUpAddressBook, suggestAddresses } from './addressBook';
import { all } from './db';
import { createSyncSink } from './syncSink';
import { BASE_DATE, header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

const DAY = 24 * 60 * 60 * 1000;
const anna = { name: 'Anna', address: 'anna@postino.test' };

let t: TestStore;
let folders: Map<string, number>;
beforeEach(() => {
  t = openTestStore();
  folders = seedAccount(t.store, anna.address, [remoteFolder('INBOX', 'inbox'), remoteFolder('Sent', 'sent'), remoteFolder('Drafts', 'drafts')]).folderIds;
});
afterEach(() => t.dispose());

const folder = (path: string): number => folders.get(path) as number;
const suggest = (prefix: string, now = BASE_DATE + 100 * DAY) => {
  t.store.write(() => catchUpAddressBook(t.store.db), () => null);
  return suggestAddresses(t.store.db, prefix, 5, now).map((address) => address.address);
};

describe('address book', () => {
  it('suggests a correspondent the user wrote to before one who only wrote to the user', () => {
    const sink = createSyncSink(t.store);
    sink.applyNewMessages(folder('INBOX'), [1, 2, 3].map((uid) => header(uid, { from: { name: 'Bruno Verdi', address: 'bruno@example.com' } })));
    sink.applyNewMessages(folder('Sent'), [header(1, { from: anna, to: [{ name: 'Bianca Neri', address: 'bianca@example.com' }] })]);
    expect(suggest('b')).toEqual(['bianca@example.com', 'bruno@example.com']);
  });

  it('ranks someone written to recently above someone written to as often long ago', () => {
    const sink = createSyncSink(t.store);
    sink.applyNewMessages(folder('Sent'), [
      header(1, { from: anna, to: [{ name: '', address: 'old@example.com' }], date: BASE_DATE - 365 * DAY }),
      header(2, { from: anna, to: [{ name: '', address: 'new@example.com' }], date: BASE_DATE + 99 * DAY }),
    ]);
    expect(suggest('')).toEqual(['new@example.com', 'old@example.com']);
  });

  it('matches the start of a name or an address in any case, never the user’s own address or a draft', () => {
    const sink = createSyncSink(t.store);
    sink.applyNewMessages(folder('INBOX'), [header(1, { from: { name: 'Marco Bianchi', address: 'mb@example.com' }, cc: [anna] })]);
    sink.applyNewMessages(folder('Drafts'), [header(1, { from: anna, to: [{ name: 'Mario Draft', address: 'mario@example.com' }] })]);
    expect(suggest('MAR')).toEqual(['mb@example.com']);
    expect(suggest('mb@')).toEqual(['mb@example.com']);
    expect(suggest('anna')).toEqual([]);
  });

  it('counts each message once, however many times the book catches up', () => {
    const sink = createSyncSink(t.store);
    sink.applyNewMessages(folder('INBOX'), [header(1), header(2)]);
    suggest('b');
    sink.applyNewMessages(folder('INBOX'), [header(3)]);
    suggest('b');
    suggest('b');
    expect(all<{ seen: number }>(t.store.db, "SELECT seen_count AS seen FROM address_book WHERE address = 'bruno@example.com'")).toEqual([{ seen: 3 }]);
  });

  it('looks up both prefixes through the address book’s indexes', () => {
    const detail = all<{ detail: string }>(t.store.db, `EXPLAIN QUERY PLAN SELECT address FROM address_book WHERE address >= @prefix AND address < @end
      UNION SELECT address FROM address_book WHERE name >= @prefix COLLATE NOCASE AND name < @end COLLATE NOCASE`, { prefix: 'a', end: 'b' })
      .map((row) => row.detail)
      .join(' | ');
    expect(detail).toContain('address_book_by_name');
    expect(detail).toMatch(/SEARCH address_book USING PRIMARY KEY/);
    expect(detail).not.toMatch(/SCAN address_book(?! USING)/);
  });
});
