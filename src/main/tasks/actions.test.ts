import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncSink } from '../store/syncSink';
import { tasksOfBatch } from '../store/tasks';
import { header, openTestStore, remoteFolder, seedAccount, type TestStore } from '../store/testStore';
import { createActions } from './actions';

let t: TestStore;
let kicked: string[];
let folders: Map<string, number>;
let accountId: string;

beforeEach(() => {
  t = openTestStore();
  kicked = [];
  const seeded = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX', 'inbox'), remoteFolder('Trash', 'trash')]);
  folders = seeded.folderIds;
  accountId = seeded.accountId;
});
afterEach(() => t.dispose());

const actions = () => createActions({ store: t.store, runner: { kick: (id) => kicked.push(id) } });
const flagsOf = (id: number) => JSON.parse((t.store.db.prepare('SELECT flags_json AS f FROM messages WHERE id = ?').get(id) as { f: string }).f);

describe('actions', () => {
  it('refuses an empty list or ids that are not positive whole numbers, with invalid-input', async () => {
    await expect(actions().markRead([])).rejects.toMatchObject({ code: 'invalid-input', details: { field: 'messageIds' } });
    await expect(actions().markRead([1.5])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(actions().markRead('1' as unknown as number[])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(actions().markRead([999])).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to move messages into a folder of another account', async () => {
    const sink = createSyncSink(t.store);
    const [mine] = sink.applyNewMessages(folders.get('INBOX') as number, [header(1)]) as [number];
    const other = seedAccount(t.store, 'bruno@postino.test', [remoteFolder('INBOX', 'inbox')]);
    await expect(actions().move([mine], other.folderIds.get('INBOX') as number)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('deletes in one batch: from Trash for good (not undoable), from elsewhere to Trash', async () => {
    const sink = createSyncSink(t.store);
    const [inInbox] = sink.applyNewMessages(folders.get('INBOX') as number, [header(1)]) as [number];
    const [inTrash] = sink.applyNewMessages(folders.get('Trash') as number, [header(2)]) as [number];
    const result = await actions().delete([inInbox, inTrash]);
    expect(result.undoable).toBe(true);
    expect(tasksOfBatch(t.store.db, result.taskId).map((task) => task.kind)).toEqual(['expunge', 'move']);
    expect(kicked).toEqual([accountId]);
    const permanent = await actions().delete([inInbox], { permanent: true });
    expect(permanent.undoable).toBe(false);
    await expect(actions().undo(permanent.taskId)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('undo restores exactly the messages an action changed, and undoing the undo redoes it', async () => {
    const sink = createSyncSink(t.store);
    const [seen, unseen] = sink.applyNewMessages(folders.get('INBOX') as number, [header(1, { flags: ['\\Seen'] }), header(2)]) as [number, number];
    const read = await actions().markRead([seen, unseen]);
    const undone = await actions().undo(read.taskId);
    expect(flagsOf(seen)).toEqual(['\\Seen']);
    expect(flagsOf(unseen)).toEqual([]);
    await actions().undo(undone.taskId);
    expect(flagsOf(unseen)).toEqual(['\\Seen']);
  });
});
