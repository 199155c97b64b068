import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostinoError } from '../../shared/errors';
import type { SyncSink } from '../sync/sink';
import { readBody } from './bodies';
import { column, get } from './db';
import { countUnread, getFolder } from './folders';
import { listMessages } from './messages';
import { createSyncSink } from './syncSink';
import { BASE_DATE, header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let sink: SyncSink;
let accountId: string;
let inbox: number;

beforeEach(() => {
  t = openTestStore();
  sink = createSyncSink(t.store);
  const seeded = seedAccount(t.store);
  accountId = seeded.accountId;
  inbox = seeded.folderIds.get('INBOX') as number;
  t.changes.length = 0;
});
afterEach(() => t.dispose());

const count = (sql: string, params: unknown[] = []) => get<{ n: number }>(t.store.db, sql, params)?.n;
const messagesIn = (folderId: number) => count('SELECT count(*) AS n FROM messages WHERE folder_id = ?', [folderId]);
const searchRows = () => count('SELECT count(*) AS n FROM messages_search');

const body = (text: string) => ({ text, html: `<p>${text}</p>`, hasRemoteContent: false, snippet: text.slice(0, 20) });

describe('sync sink: headers', () => {
  it('applies headers in one transaction per batch (prints headers/s; the target is 50k/s)', () => {
    const batchSize = 2000;
    const batches = 25;
    const work = Array.from({ length: batches }, (_, b) =>
      Array.from({ length: batchSize }, (_, i) => header(b * batchSize + i + 1)),
    );
    const started = performance.now();
    for (const batch of work) sink.applyNewMessages(inbox, batch);
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round((batchSize * batches) / seconds);
    console.log(`applyNewMessages: ${batchSize * batches} headers in ${seconds.toFixed(2)} s = ${rate} headers/s`);
    expect(messagesIn(inbox)).toBe(batchSize * batches);
    expect(t.changes).toHaveLength(batches);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 50_000, unreadCount: 50_000 });
  });

  it('applies threaded headers with dates out of UID order (prints headers/s)', () => {
    const total = 20_000;
    const headers = Array.from({ length: total }, (_, i) => {
      const uid = i + 1;
      const root = uid - (uid % 3);
      return header(uid, {
        subject: uid % 3 ? `Re: Offer ${root}` : `Offer ${root}`,
        references: uid % 3 ? [`<m${root}@example.com>`] : [],
        date: BASE_DATE + ((uid * 7919) % total) * 60_000,
      });
    });
    const started = performance.now();
    for (let from = 0; from < total; from += 2000) sink.applyNewMessages(inbox, headers.slice(from, from + 2000));
    const seconds = (performance.now() - started) / 1000;
    console.log(`applyNewMessages, 2 replies per thread: ${Math.round(total / seconds)} headers/s`);
    expect(listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 1, threaded: true }).total).toBe(
      Math.floor(total / 3) + 1,
    );
  });

  it('applying the same batch twice stores each message once and reports nothing new the second time', () => {
    const batch = [header(1), header(2, { flags: ['\\Seen'] }), header(3)];
    const firstIds = sink.applyNewMessages(inbox, batch);
    const secondIds = sink.applyNewMessages(inbox, batch);
    expect(firstIds).toHaveLength(3);
    expect(secondIds).toEqual([]);
    expect(messagesIn(inbox)).toBe(3);
    expect(searchRows()).toBe(3);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 3, unreadCount: 2 });
    expect(t.changes).toEqual([{ entity: 'message', kind: 'insert', ids: firstIds }]);
  });

  it('a known UID arriving with new flags updates the row instead of adding one', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyNewMessages(inbox, [header(1, { flags: ['\\Seen', '\\Flagged'] })]);
    expect(messagesIn(inbox)).toBe(1);
    expect(listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10 }).rows[0]).toMatchObject({
      id,
      seen: true,
      flagged: true,
    });
    expect(t.changes.at(-1)).toEqual({ entity: 'message', kind: 'update', ids: [id] });
  });

  it('stores attachments from the body structure and marks only real attachments with the clip', () => {
    const [withFile, withLogo] = sink.applyNewMessages(inbox, [
      header(1, {
        attachments: [
          { part: '2', filename: 'offer.pdf', contentType: 'application/pdf', size: 5000, contentId: null, inline: false },
        ],
      }),
      header(2, {
        attachments: [{ part: '2', filename: 'logo.png', contentType: 'image/png', size: 900, contentId: '<l@x>', inline: true }],
      }),
    ]);
    const rows = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10 }).rows;
    expect(rows.find((row) => row.id === withFile)?.hasAttachments).toBe(true);
    expect(rows.find((row) => row.id === withLogo)?.hasAttachments).toBe(false);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(2);
  });

  it('a newest-first batch goes into the search index as one segment, not one segment per message', () => {
    // Regression: inserted in the batch's newest-first order, each FTS5 rowid was below the previous one and
    // FTS5 flushed a segment per message (a third of a full sync's insert time). Segments are rows of the
    // index's shadow table (merging off, so none are merged away: 502 rows unsorted, 14 sorted); what the search
    // finds is the same either way.
    t.store.db.exec("INSERT INTO messages_search (messages_search, rank) VALUES ('automerge', 0)");
    t.store.db.exec("INSERT INTO messages_search (messages_search, rank) VALUES ('crisismerge', 1000)");
    const newestFirst = Array.from({ length: 500 }, (_, i) => header(500 - i, { subject: `Invoice ${500 - i}` }));
    sink.applyNewMessages(inbox, newestFirst);
    expect(count('SELECT count(*) AS n FROM messages_search_data')).toBeLessThan(50);
    const found = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 5, filter: { text: 'invoice' } });
    expect(found.total).toBe(500);
    expect(found.rows.map((row) => row.subject)).toEqual([
      'Invoice 500',
      'Invoice 499',
      'Invoice 498',
      'Invoice 497',
      'Invoice 496',
    ]);
  });

  it('an unknown folder is a not-found error and writes nothing', () => {
    expect(() => sink.applyNewMessages(9999, [header(1)])).toThrow(
      expect.objectContaining({ code: 'not-found' }) as Error,
    );
    expect(count('SELECT count(*) AS n FROM messages')).toBe(0);
  });
});

describe('sync sink: flags and expunge', () => {
  it('flag changes update the folder unread count and emit one update with the changed ids', () => {
    const ids = sink.applyNewMessages(inbox, [header(1), header(2), header(3)]);
    t.changes.length = 0;
    sink.applyFlagChanges(inbox, [
      { uid: 1, flags: ['\\Seen'], modseq: '12' },
      { uid: 2, flags: [], modseq: null }, // unchanged
      { uid: 3, flags: ['\\Seen', '\\Answered'], modseq: '13' },
    ]);
    expect(getFolder(t.store.db, inbox).unreadCount).toBe(1);
    expect(countUnread(t.store.db, inbox)).toBe(1);
    expect(t.changes).toEqual([{ entity: 'message', kind: 'update', ids: [ids[0], ids[2]] }]);

    sink.applyFlagChanges(inbox, [{ uid: 1, flags: [], modseq: '14' }]);
    expect(getFolder(t.store.db, inbox).unreadCount).toBe(2);
  });

  it('expunge removes the messages with their bodies and search entries and updates both counts', () => {
    const [first] = sink.applyNewMessages(inbox, [header(1), header(2, { flags: ['\\Seen'] }), header(3)]);
    sink.applyBody(first as number, body('quarterly figures'));
    t.changes.length = 0;
    sink.applyExpunge(inbox, [1, 2, 99]);
    expect(sink.cachedUids(inbox)).toEqual([3]);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(readBody(t.store.db, first as number)).toBeNull();
    expect(searchRows()).toBe(1);
    expect(t.changes).toEqual([{ entity: 'message', kind: 'delete', ids: [first, (first as number) + 1] }]);
  });

  it('never gives a new message the id of an expunged one', () => {
    const [first] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyExpunge(inbox, [1]);
    const [second] = sink.applyNewMessages(inbox, [header(2)]);
    expect(second).toBeGreaterThan(first as number);
  });

  it('cachedUids lists the folder’s UIDs ascending', () => {
    sink.applyNewMessages(inbox, [header(30), header(4), header(12)]);
    expect(sink.cachedUids(inbox)).toEqual([4, 12, 30]);
  });
});

describe('sync sink: folder state and reset', () => {
  it('stores the folder sync state, leaving fields not given untouched', () => {
    sink.setFolderState(inbox, { uidValidity: 7, uidNext: 100, highestModseq: '9007199254740993' });
    sink.setFolderState(inbox, { lastSyncedAt: 1234 });
    expect(sink.getFolderState(inbox)).toEqual({
      folderId: inbox,
      uidValidity: 7,
      uidNext: 100,
      highestModseq: '9007199254740993',
      lastSyncedAt: 1234,
    });
  });

  it('resetFolder drops every message, body, attachment and search entry and the old state', () => {
    const ids = sink.applyNewMessages(inbox, [
      header(1, {
        attachments: [{ part: '2', filename: 'a.pdf', contentType: 'application/pdf', size: 1, contentId: null, inline: false }],
      }),
      header(2),
    ]);
    sink.applyBody(ids[0] as number, body('hello'));
    sink.setFolderState(inbox, { uidValidity: 1, uidNext: 3, highestModseq: '5', lastSyncedAt: 10 });
    sink.resetFolder(inbox, 2);
    expect(messagesIn(inbox)).toBe(0);
    expect(count('SELECT count(*) AS n FROM bodies')).toBe(0);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(0);
    expect(searchRows()).toBe(0);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 0, unreadCount: 0 });
    expect(sink.getFolderState(inbox)).toEqual({
      folderId: inbox,
      uidValidity: 2,
      uidNext: null,
      highestModseq: null,
      lastSyncedAt: null,
    });
  });
});

describe('sync sink: folder list', () => {
  it('inserts new folders, updates known ones and deletes vanished ones with their messages', () => {
    const first = sink.syncFolderList(accountId, [
      remoteFolder('INBOX', 'inbox'),
      remoteFolder('Old'),
      remoteFolder('Projects'),
    ]);
    const old = first.get('Old') as number;
    sink.applyNewMessages(old, [header(1), header(2)]);
    t.changes.length = 0;

    const second = sink.syncFolderList(accountId, [
      remoteFolder('INBOX', 'inbox'),
      { ...remoteFolder('Projects', 'archive'), selectable: false },
      remoteFolder('Projects/2026'),
    ]);
    expect(second.get('INBOX')).toBe(inbox);
    expect(second.get('Projects')).toBe(first.get('Projects'));
    expect(second.has('Old')).toBe(false);
    expect(getFolder(t.store.db, first.get('Projects') as number).role).toBe('archive');
    expect(getFolder(t.store.db, second.get('Projects/2026') as number).parentPath).toBe('Projects');
    expect(messagesIn(old)).toBe(0);
    expect(searchRows()).toBe(0);
    expect(t.changes).toEqual([
      { entity: 'folder', kind: 'delete', ids: [old, second.get('Projects/2026'), first.get('Projects')] },
    ]);
  });

  it('an unchanged folder list changes nothing and emits nothing', () => {
    sink.syncFolderList(accountId, [remoteFolder('INBOX', 'inbox')]);
    expect(t.changes).toEqual([]);
  });

  it('a folder that becomes the Inbox brings its messages into the unified inbox', () => {
    const ids = sink.syncFolderList(accountId, [remoteFolder('INBOX', 'inbox'), remoteFolder('Posta')]);
    sink.applyNewMessages(ids.get('Posta') as number, [header(1)]);
    expect(listMessages(t.store.db, { unifiedInbox: true, offset: 0, limit: 10 }).total).toBe(0);
    sink.syncFolderList(accountId, [remoteFolder('INBOX'), remoteFolder('Posta', 'inbox')]);
    const page = listMessages(t.store.db, { unifiedInbox: true, offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.rows).toHaveLength(1);
  });
});

describe('sync sink: bodies', () => {
  it('bodiesWanted lists messages newer than the date without a body, newest first', () => {
    const ids = sink.applyNewMessages(inbox, [header(1), header(2), header(3), header(4)]);
    sink.applyBody(ids[3] as number, body('done'));
    const wanted = sink.bodiesWanted(inbox, BASE_DATE + 2 * 60_000, 10);
    expect(wanted.map((w) => w.uid)).toEqual([3, 2]);
    expect(wanted[0]?.textParts).toEqual(header(3).textParts);
    expect(sink.bodiesWanted(inbox, 0, 1).map((w) => w.uid)).toEqual([3]);
  });

  it('applyBody stores the body, fills an empty snippet and makes the body text searchable', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyBody(id as number, body('the invoice for November'));
    expect(readBody(t.store.db, id as number)).toEqual({
      text: 'the invoice for November',
      html: '<p>the invoice for November</p>',
      hasRemoteContent: false,
    });
    const page = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { text: 'invoice' } });
    expect(page.rows.map((row) => [row.id, row.snippet])).toEqual([[id, 'the invoice for Nove']]);
  });

  it('a body arriving for a message expunged meanwhile is dropped quietly', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyExpunge(inbox, [1]);
    t.changes.length = 0;
    expect(() => sink.applyBody(id as number, body('late'))).not.toThrow();
    expect(readBody(t.store.db, id as number)).toBeNull();
    expect(t.changes).toEqual([]);
  });

  it('applyBodies stores many bodies in one transaction with one change record, skipping expunged messages', () => {
    const ids = sink.applyNewMessages(inbox, [header(1), header(2), header(3)]) as [number, number, number];
    sink.applyExpunge(inbox, [2]);
    t.changes.length = 0;
    const saved = sink.applyBodies(ids.map((id, i) => ({ messageId: id, body: body(`quarterly report ${i}`) })));
    expect(saved).toEqual([ids[0], ids[2]]);
    expect(t.changes).toEqual([{ entity: 'message', kind: 'update', ids: [ids[0], ids[2]] }]);
    expect(readBody(t.store.db, ids[2])?.text).toBe('quarterly report 2');
    expect(sink.bodiesWanted(inbox, 0, 10)).toEqual([]);
    const page = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { text: 'quarterly' } });
    expect(page.rows.map((row) => row.id).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('a newest-first batch of bodies re-indexes its messages as one search segment, not one per message', () => {
    // Same FTS5 behaviour as for headers (see above): bodies arrive newest first, and re-indexing them in that
    // order flushed a segment per message. Merging off, so segments stay countable as shadow-table rows.
    const newestFirst = Array.from({ length: 300 }, (_, i) => header(300 - i, { subject: `Report ${300 - i}` }));
    const ids = sink.applyNewMessages(inbox, newestFirst);
    t.store.db.exec("INSERT INTO messages_search (messages_search, rank) VALUES ('automerge', 0)");
    t.store.db.exec("INSERT INTO messages_search (messages_search, rank) VALUES ('crisismerge', 1000)");
    const before = count('SELECT count(*) AS n FROM messages_search_data') ?? 0;
    sink.applyBodies(ids.map((id) => ({ messageId: id, body: body('budget approved') })));
    expect((count('SELECT count(*) AS n FROM messages_search_data') ?? 0) - before).toBeLessThan(50);
    const found = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 3, filter: { text: 'budget' } });
    expect(found.total).toBe(300);
    expect(found.rows.map((row) => row.subject)).toEqual(['Report 300', 'Report 299', 'Report 298']);
  });

  it('lists a message once whether its words are in the headers or the body, before and after the body arrives', () => {
    const [withBody, withoutBody] = sink.applyNewMessages(inbox, [
      header(2, { subject: 'Budget review' }),
      header(1, { subject: 'Budget draft' }),
    ]) as [number, number];
    const found = (text: string) =>
      listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { text } }).rows.map((row) => row.id);
    sink.applyBodies([{ messageId: withBody, body: body('approved by finance') }]);
    // The header entry of a message with a body is still in the index, and must not list it a second time.
    expect(searchRows()).toBe(3);
    expect(found('budget')).toEqual([withBody, withoutBody]);
    expect(found('finance')).toEqual([withBody]);
    expect(found('budget finance')).toEqual([withBody]);
    expect(listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { text: 'budget' } }).total).toBe(2);
  });

  it('a body cached again replaces its search entry: the old words no longer find the message', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1, { subject: 'Minutes' })]) as [number];
    sink.applyBody(id, body('first wording'));
    sink.applyBody(id, body('second version'));
    const found = (text: string) =>
      listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { text } }).rows.map((row) => row.id);
    expect(found('wording')).toEqual([]);
    expect(found('version')).toEqual([id]);
    expect(found('minutes')).toEqual([id]);
    expect(searchRows()).toBe(2);
  });

  it('expunging a message with a body removes both of its search entries', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1, { subject: 'Quarterly numbers' })]) as [number];
    sink.applyBodies([{ messageId: id, body: body('revenue up') }]);
    expect(searchRows()).toBe(2);
    sink.applyExpunge(inbox, [1]);
    expect(searchRows()).toBe(0);
  });

  it('applyBodies of nothing writes nothing and announces nothing', () => {
    expect(sink.applyBodies([])).toEqual([]);
    expect(t.changes).toEqual([]);
  });

  it('locateMessage gives the folder path, UID and text parts; null once expunged', () => {
    const [id] = sink.applyNewMessages(inbox, [header(5)]);
    expect(sink.locateMessage(id as number)).toEqual({
      accountId,
      folderId: inbox,
      folderPath: 'INBOX',
      uid: 5,
      textParts: header(5).textParts,
    });
    sink.applyExpunge(inbox, [5]);
    expect(sink.locateMessage(id as number)).toBeNull();
  });

  it('summaries returns the rows of the given ids, skipping unknown ones', () => {
    const ids = sink.applyNewMessages(inbox, [header(1), header(2)]);
    expect(sink.summaries([...ids, 999]).map((row) => row.uid)).toEqual([2, 1]);
  });
});

describe('sync sink: a failed write', () => {
  it('a full disk surfaces as disk-full and rolls the whole batch back', () => {
    sink.applyNewMessages(inbox, [header(1)]);
    const pages = t.store.db.pragma('page_count', { simple: true }) as number;
    t.store.db.pragma(`max_page_count = ${pages}`);
    t.changes.length = 0;
    const big = Array.from({ length: 500 }, (_, i) =>
      header(i + 2, { subject: `A long subject to fill pages quickly ${'x'.repeat(200)} ${i}` }),
    );
    let thrown: unknown;
    try {
      sink.applyNewMessages(inbox, big);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PostinoError);
    expect((thrown as PostinoError).code).toBe('disk-full');
    expect(column<number>(t.store.db, 'SELECT uid FROM messages')).toEqual([1]);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(count('SELECT count(*) AS n FROM threads')).toBe(1);
    expect(t.changes).toEqual([]);
  });
});
