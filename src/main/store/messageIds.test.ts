import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageIdsQuery } from '../../shared/api/messages';
import type { SyncSink } from '../sync/sink';
import { all } from './db';
import { idsSql, listMessageIds, listMessages } from './messages';
import { createSyncSink } from './syncSink';
import { header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let sink: SyncSink;
let inbox: number;
let archive: number;

beforeEach(() => {
  t = openTestStore();
  sink = createSyncSink(t.store);
  const { folderIds } = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX', 'inbox'), remoteFolder('Archive', 'archive')]);
  inbox = folderIds.get('INBOX') as number;
  archive = folderIds.get('Archive') as number;
});
afterEach(() => t.dispose());

/** Message ids by UID in a folder, to name messages in expectations. */
function idsByUid(folderId: number): Map<number, number> {
  const rows = listMessages(t.store.db, { folderId, offset: 0, limit: 1000 }).rows;
  return new Map(rows.map((row) => [row.uid, row.id]));
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** Three messages in a thread in the Inbox (uids 1-3), one alone (4), and a reply of the thread in Archive. */
function seedThread(): { inboxIds: Map<number, number> } {
  const thread = { messageIdHeader: '<root@example.com>' };
  sink.applyNewMessages(inbox, [
    header(1, thread),
    header(2, { inReplyTo: '<root@example.com>', references: ['<root@example.com>'] }),
    header(3, { inReplyTo: '<m2@example.com>', references: ['<root@example.com>', '<m2@example.com>'] }),
    header(4),
  ]);
  sink.applyNewMessages(archive, [header(5, { inReplyTo: '<root@example.com>', references: ['<root@example.com>'] })]);
  return { inboxIds: idsByUid(inbox) };
}

describe('message ids of a whole list', () => {
  it('lists every message of a folder, far beyond one page, and leaves out the exceptions', () => {
    sink.applyNewMessages(inbox, Array.from({ length: 1500 }, (_, index) => header(index + 1)));
    const every = listMessageIds(t.store.db, { folderId: inbox });
    expect(every).toHaveLength(1500);
    const except = every.slice(0, 3);
    const rest = listMessageIds(t.store.db, { folderId: inbox, except });
    expect(rest).toHaveLength(1497);
    expect(rest.some((id) => except.includes(id))).toBe(false);
  });

  it('expands each listed conversation to its messages in the folder, and never to another folder', () => {
    const { inboxIds } = seedThread();
    const head = listMessages(t.store.db, { folderId: inbox, threaded: true, offset: 0, limit: 10 }).rows.find((row) => row.threadCount === 3);
    expect(head).toBeDefined();
    const only = listMessageIds(t.store.db, { folderId: inbox, threaded: true, only: [head?.id ?? 0] });
    expect(sorted(only)).toEqual(sorted([1, 2, 3].map((uid) => inboxIds.get(uid) ?? 0)));
    const except = listMessageIds(t.store.db, { folderId: inbox, threaded: true, except: [head?.id ?? 0] });
    expect(except).toEqual([inboxIds.get(4)]);
  });

  it('takes only the listed rows themselves when the list is not threaded', () => {
    const { inboxIds } = seedThread();
    const two = inboxIds.get(2) ?? 0;
    expect(listMessageIds(t.store.db, { folderId: inbox, only: [two] })).toEqual([two]);
  });

  it('refuses a query without a list and ids that are not ids, with invalid-input', () => {
    expect(() => listMessageIds(t.store.db, {} as MessageIdsQuery)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => listMessageIds(t.store.db, { folderId: inbox, except: ['1' as unknown as number] })).toThrow(
      expect.objectContaining({ code: 'invalid-input', details: { field: 'except' } }),
    );
  });

  it('walks the folder index, and the thread index for conversations, never the whole table', () => {
    const planOf = (query: MessageIdsQuery) => {
      const { sql, params } = idsSql(query);
      return all<{ detail: string }>(t.store.db, `EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail);
    };
    for (const [query, index] of [
      [{ folderId: inbox, except: [1] }, 'messages_by_folder_date'],
      [{ folderId: inbox, threaded: true }, 'messages_heads_by_folder_date'],
      [{ unifiedInbox: true }, 'messages_inbox_by_date'],
    ] as Array<[MessageIdsQuery, string]>) {
      const plan = planOf(query);
      expect(plan.join(' | ')).toContain(index);
      for (const step of plan) expect(step).not.toMatch(/^SCAN (m|t|messages)$/);
    }
    expect(planOf({ folderId: inbox, threaded: true }).join(' | ')).toContain('messages_by_thread_folder');
  });
});
