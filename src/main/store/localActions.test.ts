import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncSink } from './syncSink';
import { getFolder } from './folders';
import { applyFlagsLocally, deleteLocally, moveLocally, revertMove, settleMovedMessage } from './localActions';
import { insertTask } from './tasks';
import { header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let accountId: string;
let inbox: number;
let archive: number;

beforeEach(() => {
  t = openTestStore();
  const seeded = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX', 'inbox'), remoteFolder('Archive', 'archive')]);
  accountId = seeded.accountId;
  inbox = seeded.folderIds.get('INBOX') as number;
  archive = seeded.folderIds.get('Archive') as number;
});
afterEach(() => t.dispose());

const write = <T>(work: () => T): T => t.store.write(work, () => null);
const task = () => write(() => insertTask(t.store.db, { accountId, action: 'move', batchId: null, spec: { kind: 'move', payload: { moves: [], addFlags: [], removeFlags: [] } } }, 0));
const rowOf = (id: number) => t.store.db.prepare('SELECT folder_id AS folderId, uid FROM messages WHERE id = ?').get(id);

describe('local steps of actions', () => {
  it('a moved message waits in its new folder under a placeholder, and the sync keeps seeing its old UID', () => {
    const sink = createSyncSink(t.store);
    const [first, second] = sink.applyNewMessages(inbox, [header(7), header(8)]) as [number, number];
    const taskId = task();
    write(() => moveLocally(t.store.db, [first], archive, taskId));

    expect(rowOf(first)).toEqual({ folderId: archive, uid: -first });
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(getFolder(t.store.db, archive)).toMatchObject({ totalCount: 1, unreadCount: 1 });
    // Not resurrected in the Inbox by a sync that still sees UID 7 there, nor taken out of the Archive.
    expect(sink.cachedUids(inbox)).toEqual([7, 8]);
    expect(sink.cachedUids(archive)).toEqual([]);
    expect(second).toBeGreaterThan(first);
  });

  it('COPYUID gives the placeholder its real UID; a copy the sync already brought replaces it instead', () => {
    const sink = createSyncSink(t.store);
    const [first, second] = sink.applyNewMessages(inbox, [header(7), header(8)]) as [number, number];
    const taskId = task();
    write(() => moveLocally(t.store.db, [first, second], archive, taskId));
    sink.applyNewMessages(archive, [header(41)]);

    write(() => settleMovedMessage(t.store.db, { messageId: first, from: { folderId: inbox, uid: 7 }, targetFolderId: archive, newUid: 40 }, taskId));
    write(() => settleMovedMessage(t.store.db, { messageId: second, from: { folderId: inbox, uid: 8 }, targetFolderId: archive, newUid: 41 }, taskId));

    expect(rowOf(first)).toEqual({ folderId: archive, uid: 40 });
    expect(rowOf(second)).toBeUndefined();
    expect(sink.cachedUids(archive)).toEqual([40, 41]);
    expect(sink.cachedUids(inbox)).toEqual([]);
    expect(getFolder(t.store.db, archive)).toMatchObject({ totalCount: 2 });
  });

  it('a refused move puts each message back under its old UID', () => {
    const sink = createSyncSink(t.store);
    const [first] = sink.applyNewMessages(inbox, [header(7, { flags: ['\\Seen'] })]) as [number];
    write(() => moveLocally(t.store.db, [first], archive, task()));
    expect(write(() => revertMove(t.store.db, [first]))).toEqual([first]);
    expect(rowOf(first)).toEqual({ folderId: inbox, uid: 7 });
    expect(sink.cachedUids(inbox)).toEqual([7]);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ totalCount: 1, unreadCount: 0 });
  });

  it('a permanent delete leaves the server copy known to the sync until the expunge is done', () => {
    const sink = createSyncSink(t.store);
    const [first] = sink.applyNewMessages(inbox, [header(7)]) as [number];
    expect(write(() => deleteLocally(t.store.db, [first], task()))).toEqual([{ folderId: inbox, uid: 7 }]);
    expect(rowOf(first)).toBeUndefined();
    expect(sink.cachedUids(inbox)).toEqual([7]);
  });

  it('reports per message only the flags that really changed, whatever their case', () => {
    const sink = createSyncSink(t.store);
    const [seen, unseen] = sink.applyNewMessages(inbox, [header(1, { flags: ['\\SEEN'] }), header(2)]) as [number, number];
    const deltas = write(() => applyFlagsLocally(t.store.db, [seen, unseen], ['\\Seen'], []));
    expect(deltas).toEqual([{ messageId: unseen, added: ['\\Seen'], removed: [] }]);
    expect(getFolder(t.store.db, inbox)).toMatchObject({ unreadCount: 0 });
  });

  it('marks 10,000 messages read and moves them, each in one transaction (prints the times)', () => {
    const sink = createSyncSink(t.store);
    const ids = sink.applyNewMessages(inbox, Array.from({ length: 10_000 }, (_, i) => header(i + 1)));
    const timed = (work: () => unknown): number => {
      const started = performance.now();
      write(work);
      return performance.now() - started;
    };
    const flagMs = timed(() => applyFlagsLocally(t.store.db, ids, ['\\Seen'], []));
    const taskId = task();
    const moveMs = timed(() => moveLocally(t.store.db, ids, archive, taskId));
    console.log(`local steps on 10,000 messages: mark read ${flagMs.toFixed(0)} ms, move ${moveMs.toFixed(0)} ms`);
    expect(getFolder(t.store.db, archive)).toMatchObject({ totalCount: 10_000, unreadCount: 0 });
    expect(sink.cachedUids(inbox)).toHaveLength(10_000);
    expect(flagMs + moveMs).toBeLessThan(5_000);
  });
});
