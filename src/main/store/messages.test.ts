import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageQuery } from '../../shared/types';
import type { SyncSink } from '../sync/sink';
import { BODIES_WANTED_SQL } from './bodies';
import { all } from './db';
import { countUnread } from './folders';
import { idsSql, listMessages, pageSql, SEARCH_TOTAL_CAP, totalSql } from './messages';
import { createSyncSink } from './syncSink';
import { BASE_DATE, header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let sink: SyncSink;
let inbox: number;
let archive: number;

beforeEach(() => {
  t = openTestStore();
  sink = createSyncSink(t.store);
  const { folderIds } = seedAccount(t.store, 'anna@postino.test', [
    remoteFolder('INBOX', 'inbox'),
    remoteFolder('Archive', 'archive'),
  ]);
  inbox = folderIds.get('INBOX') as number;
  archive = folderIds.get('Archive') as number;
});
afterEach(() => t.dispose());

const uids = (query: MessageQuery) => listMessages(t.store.db, query).rows.map((row) => row.uid);

function planOf(sql: string, params: Record<string, unknown> | unknown[]): string[] {
  return all<{ detail: string }>(t.store.db, `EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail);
}

/** An indexed plan: it names the index, never scans the messages table itself, never sorts. */
function expectIndexedPlan(plan: string[], index: string): void {
  expect(plan.join(' | ')).toContain(index);
  for (const step of plan) {
    expect(step).not.toMatch(/^SCAN m$|^SCAN messages$/);
    expect(step).not.toContain('TEMP B-TREE');
  }
}

describe('message list: pages', () => {
  it('lists a folder newest first, breaking date ties by id, in offset windows', () => {
    sink.applyNewMessages(inbox, [header(1), header(2), header(3), header(4, { date: header(3).date })]);
    expect(uids({ folderId: inbox, offset: 0, limit: 2 })).toEqual([4, 3]);
    expect(uids({ folderId: inbox, offset: 2, limit: 2 })).toEqual([2, 1]);
    expect(listMessages(t.store.db, { folderId: inbox, offset: 2, limit: 2 })).toMatchObject({ total: 4, offset: 2 });
  });

  it('orders by the Date header, falling back to the internal date when it is missing', () => {
    sink.applyNewMessages(inbox, [
      header(1, { date: BASE_DATE + 10 * 60_000 }),
      header(2, { date: null, internalDate: BASE_DATE + 5 * 60_000 }),
      header(3, { date: BASE_DATE }),
    ]);
    expect(uids({ folderId: inbox, offset: 0, limit: 10 })).toEqual([1, 2, 3]);
  });

  it('filters unread, flagged, with attachments and by date, with matching totals', () => {
    const pdf = { part: '2', filename: 'a.pdf', contentType: 'application/pdf', size: 1, contentId: null, inline: false };
    sink.applyNewMessages(inbox, [
      header(1, { flags: ['\\Seen'] }),
      header(2, { flags: ['\\Flagged'] }),
      header(3, { flags: ['\\Seen'], attachments: [pdf] }),
      header(4),
    ]);
    const page = (filter: MessageQuery['filter']) => listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter });
    expect(page({ unread: true }).rows.map((row) => row.uid)).toEqual([4, 2]);
    expect(page({ unread: true }).total).toBe(2);
    expect(page({ flagged: true }).rows.map((row) => row.uid)).toEqual([2]);
    expect(page({ hasAttachments: true }).rows.map((row) => row.uid)).toEqual([3]);
    const since = header(2).date as number;
    const until = header(3).date as number;
    expect(page({ since, until })).toMatchObject({ total: 2 });
    expect(page({ since, until }).rows.map((row) => row.uid)).toEqual([3, 2]);
  });

  it('the unified inbox merges every account’s Inbox, newest first, and nothing else', () => {
    const other = seedAccount(t.store, 'bob@postino.test').folderIds.get('INBOX') as number;
    sink.applyNewMessages(inbox, [header(1), header(3)]);
    sink.applyNewMessages(other, [header(2), header(4)]);
    sink.applyNewMessages(archive, [header(5)]);
    const page = listMessages(t.store.db, { unifiedInbox: true, offset: 0, limit: 10 });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => [row.uid, row.folderId])).toEqual([
      [4, other],
      [3, inbox],
      [2, other],
      [1, inbox],
    ]);
  });

  it('refuses a query without a folder, or with a negative offset or an oversized window', () => {
    const invalid = expect.objectContaining({ code: 'invalid-input' }) as Error;
    expect(() => listMessages(t.store.db, { offset: 0, limit: 10 })).toThrow(invalid);
    expect(() => listMessages(t.store.db, { folderId: inbox, offset: -1, limit: 10 })).toThrow(invalid);
    expect(() => listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 5000 })).toThrow(invalid);
  });
});

describe('message list: search', () => {
  it('finds words in subject, addresses and body, newest first, within the folder', () => {
    sink.applyNewMessages(inbox, [
      header(1, { subject: 'Preventivo cantiere' }),
      header(2, { subject: 'Lunch', from: { name: 'Carla Preventivi', address: 'carla@example.com' } }),
      header(3, { subject: 'Nothing here' }),
      header(4, { subject: 'Preventivo bis' }),
    ]);
    sink.applyNewMessages(archive, [header(5, { subject: 'Preventivo archiviato' })]);
    const [, , third] = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10 }).rows.slice().reverse();
    sink.applyBody(third?.id as number, { text: 'see the preventivo attached', html: null, hasRemoteContent: false, snippet: '' });

    const query = { folderId: inbox, offset: 0, limit: 10, filter: { text: 'preventiv' } };
    expect(uids(query)).toEqual([4, 3, 2, 1]);
    expect(listMessages(t.store.db, query).total).toBe(4);
    expect(uids({ ...query, offset: 1, limit: 2 })).toEqual([3, 2]);
    expect(uids({ ...query, filter: { text: 'carla@example.com' } })).toEqual([2]);
  });

  it('lists at most the newest SEARCH_TOTAL_CAP matches', () => {
    const batch = Array.from({ length: SEARCH_TOTAL_CAP + 5 }, (_, i) => header(i + 1, { subject: 'invoice' }));
    sink.applyNewMessages(inbox, batch);
    const query = { folderId: inbox, offset: SEARCH_TOTAL_CAP - 2, limit: 10, filter: { text: 'invoice' } };
    const page = listMessages(t.store.db, query);
    expect(page.total).toBe(SEARCH_TOTAL_CAP);
    expect(page.rows.map((row) => row.uid)).toEqual([7, 6]);
  });

  it('orders matches by date even when older mail was cached after newer mail', () => {
    sink.applyNewMessages(inbox, [header(10, { subject: 'report new' })]);
    sink.applyNewMessages(inbox, [header(1, { subject: 'report old' })]);
    expect(uids({ folderId: inbox, offset: 0, limit: 10, filter: { text: 'report' } })).toEqual([10, 1]);
  });

  it('reads FTS5 syntax in the search box as plain words', () => {
    sink.applyNewMessages(inbox, [header(1, { subject: 'say "hi" OR NOT (bye)' })]);
    expect(uids({ folderId: inbox, offset: 0, limit: 10, filter: { text: '"hi" OR' } })).toEqual([1]);
    expect(uids({ folderId: inbox, offset: 0, limit: 10, filter: { text: 'NEAR(' } })).toEqual([]);
  });
});

describe('message list: filtered conversations', () => {
  // Conversation A: 1 (unread, flagged) ← 3 (read, newest). Conversation B: 2 (read) ← 4 (read). Message 5 alone, unread.
  const seed = () =>
    sink.applyNewMessages(inbox, [
      header(1, { flags: ['\\Flagged'] }),
      header(2, { flags: ['\\Seen'] }),
      header(3, { flags: ['\\Seen'], inReplyTo: '<m1@example.com>', references: ['<m1@example.com>'] }),
      header(4, { flags: ['\\Seen'], inReplyTo: '<m2@example.com>', references: ['<m2@example.com>'] }),
      header(5),
    ]);

  it('lists a conversation when any of its messages passes the filter, at its newest message', () => {
    seed();
    const unread = listMessages(t.store.db, { folderId: inbox, threaded: true, offset: 0, limit: 10, filter: { unread: true } });
    expect(unread.rows.map((row) => row.uid)).toEqual([5, 3]);
    expect(unread.total).toBe(2);
    const flagged = listMessages(t.store.db, { folderId: inbox, threaded: true, offset: 0, limit: 10, filter: { flagged: true } });
    expect(flagged.rows.map((row) => row.uid)).toEqual([3]);
    expect(flagged.total).toBe(1);
    expect(uids({ unifiedInbox: true, threaded: true, offset: 0, limit: 10, filter: { unread: true } })).toEqual([5, 3]);
    // Dates bound the newest message of a conversation, with or without a state filter.
    const beforeFour = { until: header(4).date as number };
    expect(uids({ folderId: inbox, threaded: true, offset: 0, limit: 10, filter: beforeFour })).toEqual([4, 3]);
    const unreadBeforeFour = listMessages(t.store.db, { folderId: inbox, threaded: true, offset: 0, limit: 10, filter: { ...beforeFour, unread: true } });
    expect(unreadBeforeFour.rows.map((row) => row.uid)).toEqual([3]);
    expect(unreadBeforeFour.total).toBe(1);
    // Unthreaded lists still list messages.
    expect(uids({ folderId: inbox, offset: 0, limit: 10, filter: { unread: true } })).toEqual([5, 1]);
  });

  it('"select all" up to a date leaves out a conversation whose newest message came after it', () => {
    seed();
    const until = header(3).date as number;
    sink.applyNewMessages(inbox, [header(6, { inReplyTo: '<m2@example.com>', references: ['<m2@example.com>'] })]);
    const { sql, params } = idsSql({ folderId: inbox, threaded: true, filter: { until } });
    const ids = all<{ id: number }>(t.store.db, sql, params).map((row) => row.id);
    const uidOf = new Map(all<{ id: number; uid: number }>(t.store.db, 'SELECT id, uid FROM messages').map((row) => [row.id, row.uid]));
    // Conversation A (1, 3) was listed up to `until`; conversation B got reply 6 since, and stays out whole.
    expect(ids.map((id) => uidOf.get(id)).sort()).toEqual([1, 3]);
  });

  it("a filtered conversation list walks the heads' index, finds members through the filter's index, never sorts", () => {
    const { sql, params } = pageSql({ folderId: inbox, threaded: true, offset: 0, limit: 200, filter: { unread: true } });
    const plan = planOf(sql, params);
    expectIndexedPlan(plan, 'messages_heads_by_folder_date');
    expect(plan.join(' | ')).toContain('messages_unread_by_folder_date');
    // The total counts distinct conversations among the unread messages alone: work in proportion to those.
    const total = totalSql({ folderId: inbox, threaded: true, offset: 0, limit: 1, filter: { unread: true } });
    expect(planOf(total.sql, total.params).sort()).toEqual([
      'SEARCH t USING INDEX messages_unread_by_folder_date (folder_id=?)',
      'USE TEMP B-TREE FOR count(DISTINCT)',
    ]);
  });
});

describe('message list: query plans', () => {
  const cases: Array<[string, Omit<MessageQuery, 'offset' | 'limit'>, string]> = [
    ['the newest of a folder', {}, 'messages_by_folder_date'],
    ['unread of a folder', { filter: { unread: true } }, 'messages_unread_by_folder_date'],
    ['flagged of a folder', { filter: { flagged: true } }, 'messages_flagged_by_folder_date'],
    ['with attachments of a folder', { filter: { hasAttachments: true } }, 'messages_with_attachments_by_folder_date'],
    ['a date range of a folder', { filter: { since: 1, until: 2 } }, 'messages_by_folder_date (folder_id=? AND date>? AND date<?)'],
    ['threads of a folder', { threaded: true }, 'messages_heads_by_folder_date'],
  ];
  for (const [name, scope, index] of cases) {
    it(`pages of ${name} use ${index}, without a sort`, () => {
      const { sql, params } = pageSql({ folderId: inbox, offset: 4000, limit: 200, ...scope });
      expectIndexedPlan(planOf(sql, params), index);
    });
  }

  it('pages of the unified inbox walk the Inbox partial indexes, without a sort', () => {
    const cases: Array<[Omit<MessageQuery, 'offset' | 'limit'>, string]> = [
      [{}, 'messages_inbox_by_date'],
      [{ threaded: true }, 'messages_inbox_heads_by_date'],
      [{ filter: { unread: true } }, 'messages_inbox_unread_by_date'],
      [{ filter: { flagged: true } }, 'messages_inbox_flagged_by_date'],
      [{ filter: { hasAttachments: true } }, 'messages_inbox_with_attachments_by_date'],
    ];
    for (const [scope, index] of cases) {
      const { sql, params } = pageSql({ unifiedInbox: true, offset: 0, limit: 200, ...scope });
      expectIndexedPlan(planOf(sql, params), index);
    }
  });

  it('thread counts are one seek per row on messages_by_thread_folder', () => {
    const { sql, params } = pageSql({ folderId: inbox, threaded: true, offset: 0, limit: 200 });
    expect(planOf(sql, params)).toContain(
      'SEARCH t USING COVERING INDEX messages_by_thread_folder (thread_id=? AND folder_id=?)',
    );
  });

  it('a search walks FTS5 newest first and never sorts the matches', () => {
    const { sql, params } = pageSql({ folderId: inbox, offset: 0, limit: 200, filter: { text: 'offer' } });
    const plan = planOf(sql, params);
    expect(plan[0]).toMatch(/^SCAN s VIRTUAL TABLE INDEX \d+:M/);
    expect(plan[1]).toBe('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.join(' ')).not.toContain('TEMP B-TREE');
  });

  it('the bodies still wanted are read newest first from the partial index of messages without a body', () => {
    expect(planOf(BODIES_WANTED_SQL, [inbox, 0, 50])).toEqual([
      'SEARCH messages USING INDEX messages_without_body_by_folder_date (folder_id=? AND date>?)',
    ]);
  });

  it('the unread count of a folder is read from the unread partial index alone', () => {
    expect(planOf('SELECT count(*) AS n FROM messages WHERE folder_id = ? AND seen = 0', [inbox])).toEqual([
      'SEARCH messages USING COVERING INDEX messages_unread_by_folder_date (folder_id=?)',
    ]);
  });

  it('totals come from the folder counters or an index, never a table scan', () => {
    for (const query of [
      { folderId: inbox },
      { folderId: inbox, threaded: true },
      { folderId: inbox, filter: { flagged: true } },
      { unifiedInbox: true, threaded: true },
    ]) {
      const { sql, params } = totalSql({ offset: 0, limit: 1, ...query });
      for (const step of planOf(sql, params)) expect(step).not.toMatch(/^SCAN (m|messages)$/);
    }
  });
});

describe('message list: counters', () => {
  it('the unread count from the index matches the folder counter after every kind of write', () => {
    sink.applyNewMessages(inbox, [header(1), header(2, { flags: ['\\Seen'] }), header(3)]);
    sink.applyFlagChanges(inbox, [{ uid: 1, flags: ['\\Seen'], modseq: null }]);
    sink.applyExpunge(inbox, [3]);
    sink.applyNewMessages(inbox, [header(4)]);
    const page = listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, filter: { unread: true } });
    expect(countUnread(t.store.db, inbox)).toBe(1);
    expect(page.total).toBe(1);
  });
});
