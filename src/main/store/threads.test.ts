import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncSink } from '../sync/sink';
import { get } from './db';
import { listMessages } from './messages';
import { createSyncSink } from './syncSink';
import { header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';
import { normaliseSubject } from './threads';

const DAY = 24 * 60 * 60 * 1000;

let t: TestStore;
let sink: SyncSink;
let inbox: number;
let sent: number;

beforeEach(() => {
  t = openTestStore();
  sink = createSyncSink(t.store);
  const { folderIds } = seedAccount(t.store, 'anna@postino.test', [
    remoteFolder('INBOX', 'inbox'),
    remoteFolder('Sent', 'sent'),
  ]);
  inbox = folderIds.get('INBOX') as number;
  sent = folderIds.get('Sent') as number;
});
afterEach(() => t.dispose());

const threadOf = (folderId: number, uid: number) =>
  get<{ threadId: number }>(t.store.db, 'SELECT thread_id AS threadId FROM messages WHERE folder_id = ? AND uid = ?', [
    folderId,
    uid,
  ])?.threadId;

const threadedList = (folderId: number) =>
  listMessages(t.store.db, { folderId, offset: 0, limit: 50, threaded: true }).rows.map((row) => [
    row.uid,
    row.threadCount,
  ]);

describe('threads: subjects', () => {
  it('normalising a subject strips reply and forward prefixes of many languages, repeated', () => {
    expect(normaliseSubject('Re: R: Fwd: I: AW: SV: WG: Rif: Offerta  2026')).toBe('offerta 2026');
    expect(normaliseSubject('RE[2]: re(3): Budget')).toBe('budget');
    expect(normaliseSubject('Report Q3')).toBe('report q3');
    expect(normaliseSubject('Ideas: next steps')).toBe('ideas: next steps');
  });
});

describe('threads: by Message-ID', () => {
  it('a reply joins the thread of the message it answers', () => {
    sink.applyNewMessages(inbox, [header(1, { messageIdHeader: '<a@x>' })]);
    sink.applyNewMessages(sent, [header(1, { messageIdHeader: '<b@x>', inReplyTo: '<a@x>', references: ['<a@x>'] })]);
    expect(threadOf(sent, 1)).toBe(threadOf(inbox, 1));
  });

  it('a parent cached after its reply joins the reply’s thread', () => {
    sink.applyNewMessages(inbox, [header(2, { messageIdHeader: '<b@x>', inReplyTo: '<a@x>', references: ['<a@x>'] })]);
    sink.applyNewMessages(inbox, [header(1, { messageIdHeader: '<a@x>', subject: 'Something else entirely' })]);
    expect(threadOf(inbox, 1)).toBe(threadOf(inbox, 2));
  });

  it('two replies to a message that is not cached share a thread', () => {
    sink.applyNewMessages(inbox, [
      header(1, { messageIdHeader: '<b@x>', references: ['<root@x>'], subject: 'One' }),
      header(2, { messageIdHeader: '<c@x>', references: ['<root@x>'], subject: 'Two' }),
    ]);
    expect(threadOf(inbox, 1)).toBe(threadOf(inbox, 2));
  });

  it('a message referencing two separate threads merges them, and later messages follow the merge', () => {
    sink.applyNewMessages(inbox, [
      header(1, { messageIdHeader: '<a@x>', subject: 'Alpha' }),
      header(2, { messageIdHeader: '<b@x>', subject: 'Beta' }),
    ]);
    expect(threadOf(inbox, 1)).not.toBe(threadOf(inbox, 2));
    sink.applyNewMessages(inbox, [header(3, { messageIdHeader: '<c@x>', references: ['<a@x>', '<b@x>'] })]);
    expect(threadOf(inbox, 2)).toBe(threadOf(inbox, 1));
    expect(threadOf(inbox, 3)).toBe(threadOf(inbox, 1));
    expect(threadedList(inbox)).toEqual([[3, 3]]);

    sink.applyNewMessages(inbox, [header(4, { messageIdHeader: '<d@x>', inReplyTo: '<b@x>', references: ['<b@x>'] })]);
    expect(threadOf(inbox, 4)).toBe(threadOf(inbox, 1));
  });

  it('the same Message-ID in another account starts its own thread', () => {
    const other = seedAccount(t.store, 'bob@postino.test').folderIds.get('INBOX') as number;
    sink.applyNewMessages(inbox, [header(1, { messageIdHeader: '<a@x>' })]);
    sink.applyNewMessages(other, [header(1, { messageIdHeader: '<b@x>', inReplyTo: '<a@x>' })]);
    expect(threadOf(other, 1)).not.toBe(threadOf(inbox, 1));
  });
});

describe('threads: by subject, the last resort', () => {
  it('a reply without references joins a thread of the same subject within three days', () => {
    sink.applyNewMessages(inbox, [header(1, { subject: 'Budget 2027', messageIdHeader: '<a@x>' })]);
    const date = (header(1).date as number) + 2 * DAY;
    sink.applyNewMessages(inbox, [header(2, { subject: 'RE: budget 2027', messageIdHeader: '<b@y>', date })]);
    expect(threadOf(inbox, 2)).toBe(threadOf(inbox, 1));
  });

  it('a reply weeks later with only the subject in common starts a new thread', () => {
    sink.applyNewMessages(inbox, [header(1, { subject: 'Budget 2027', messageIdHeader: '<a@x>' })]);
    const date = (header(1).date as number) + 20 * DAY;
    sink.applyNewMessages(inbox, [header(2, { subject: 'Re: Budget 2027', messageIdHeader: '<b@y>', date })]);
    expect(threadOf(inbox, 2)).not.toBe(threadOf(inbox, 1));
  });

  it('two messages with the same subject and no reply prefix stay apart', () => {
    sink.applyNewMessages(inbox, [
      header(1, { subject: 'Weekly report', messageIdHeader: '<a@x>' }),
      header(2, { subject: 'Weekly report', messageIdHeader: '<b@x>' }),
    ]);
    expect(threadOf(inbox, 2)).not.toBe(threadOf(inbox, 1));
  });
});

describe('threads: the threaded list', () => {
  it('shows one row per thread, its newest message, with the thread’s count in that folder', () => {
    sink.applyNewMessages(inbox, [
      header(1, { messageIdHeader: '<a@x>' }),
      header(2, { messageIdHeader: '<lone@x>' }),
      header(3, { messageIdHeader: '<c@x>', inReplyTo: '<a@x>', references: ['<a@x>'] }),
    ]);
    sink.applyNewMessages(sent, [header(9, { messageIdHeader: '<b@x>', inReplyTo: '<a@x>', references: ['<a@x>'] })]);
    expect(threadedList(inbox)).toEqual([
      [3, 2],
      [2, 1],
    ]);
    expect(threadedList(sent)).toEqual([[9, 1]]);
  });

  it('an older message of a thread arriving late does not take the head', () => {
    sink.applyNewMessages(inbox, [header(5, { messageIdHeader: '<c@x>', references: ['<a@x>'] })]);
    sink.applyNewMessages(inbox, [header(1, { messageIdHeader: '<a@x>' })]);
    expect(threadedList(inbox)).toEqual([[5, 2]]);
  });

  it('expunging the newest message of a thread makes the next newest the head', () => {
    sink.applyNewMessages(inbox, [
      header(1, { messageIdHeader: '<a@x>' }),
      header(2, { messageIdHeader: '<b@x>', references: ['<a@x>'] }),
      header(3, { messageIdHeader: '<c@x>', references: ['<a@x>'] }),
    ]);
    sink.applyExpunge(inbox, [3]);
    expect(threadedList(inbox)).toEqual([[2, 2]]);
    expect(listMessages(t.store.db, { folderId: inbox, offset: 0, limit: 10, threaded: true }).total).toBe(1);
  });
});
