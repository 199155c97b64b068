import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostinoError } from '../../shared/errors';
import { listAccounts } from './accounts';
import { attachContext, column } from './db';
import { LATEST_VERSION, migrate, schemaVersion, type Migration } from './migrations';
import { listMessages } from './messages';
import { SEARCH_ROWID } from './migrations/0010-initial';
import { createStore } from './store';
import { createSyncSink } from './syncSink';
import { header, openTestStore, seedAccount, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

describe('migrations', () => {
  it('a fresh database gets every table and the latest user_version, in WAL mode with foreign keys on', () => {
    const { db } = t.store;
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const tables = column<string>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    for (const table of ['accounts', 'folders', 'messages', 'bodies', 'attachments', 'settings', 'messages_search']) {
      expect(tables).toContain(table);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('re-opening an up-to-date database keeps its data and runs nothing again', () => {
    seedAccount(t.store);
    t.store.close();
    const reopened = createStore(t.path, { log: { warn: () => {} } });
    try {
      expect(schemaVersion(reopened.db)).toBe(LATEST_VERSION);
      expect(listAccounts(reopened.db)).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });

  it('refuses a database written by a newer Postino, saying so, and leaves it untouched', () => {
    t.store.close();
    const raw = new Database(t.path);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    let thrown: unknown;
    try {
      createStore(t.path);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PostinoError);
    expect((thrown as PostinoError).message).toMatch(/newer version of Postino/);
    expect((thrown as PostinoError).details).toEqual({
      schemaVersion: LATEST_VERSION + 10,
      supportedVersion: LATEST_VERSION,
    });
    const check = new Database(t.path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    check.close();
  });

  it('a failing step is rolled back whole and the version stays at the last step that succeeded', () => {
    const db = new Database(':memory:');
    attachContext(db, { warn: () => {} });
    const steps: Migration[] = [
      { version: 10, name: 'first', up: (d) => void d.exec('CREATE TABLE one (x INTEGER)') },
      {
        version: 20,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE two (x INTEGER)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(schemaVersion(db)).toBe(10);
    expect(column<string>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual(['one']);
    db.close();
  });

  it('0320 re-indexes a cache whose bodies replaced their one search entry: each message found once, by any word', () => {
    const sink = createSyncSink(t.store);
    const inbox = seedAccount(t.store).folderIds.get('INBOX') as number;
    const [withBody, withoutBody] = sink.applyNewMessages(inbox, [
      header(2, { subject: 'Budget review' }),
      header(1, { subject: 'Budget draft' }),
    ]) as [number, number];
    sink.applyBodies([{ messageId: withBody, body: { text: 'approved by finance', html: null, hasRemoteContent: false, snippet: '' } }]);
    // The index as version 310 wrote it: one entry per message at the plain rowid, the body's replacing the header's.
    const { db } = t.store;
    db.exec("INSERT INTO messages_search (messages_search) VALUES ('delete-all')");
    const oldEntry = db.prepare(
      `INSERT INTO messages_search (rowid, subject, addresses, body)
       SELECT ${SEARCH_ROWID('date', 'id')}, subject, '', ? FROM messages WHERE id = ?`,
    );
    oldEntry.run('approved by finance', withBody);
    oldEntry.run('', withoutBody);
    db.pragma('user_version = 310');

    migrate(db);

    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const found = (text: string) => listMessages(db, { folderId: inbox, offset: 0, limit: 10, filter: { text } }).rows.map((row) => row.id);
    expect(found('budget')).toEqual([withBody, withoutBody]);
    expect(found('finance')).toEqual([withBody]);
    expect(column<number>(db, 'SELECT count(*) FROM messages_search')).toEqual([3]);
  });
});
