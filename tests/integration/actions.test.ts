/**
 * Actions on mail against the real Dovecot: the cache changes at once, the server follows through the task
 * runner in a handful of commands, offline actions are replayed exactly once (across a restart too), undo
 * puts the server back, and a refusal puts the cache back and says why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionFailedEvent, ActionsApi } from '../../src/shared/api/actions';
import { connectImap } from '../../src/main/imap/connect';
import { createStore, type Store } from '../../src/main/store/store';
import type { SyncEngine } from '../../src/main/sync/engine';
import { createActions } from '../../src/main/tasks/actions';
import { createTaskRunner, type TaskRunner } from '../../src/main/tasks/runner';
import { createUser, seedMaildir, startImap, stopImap, useIsolatedRig, type TestUser } from '../rig';
import { insertLoopbackAccount, openSyncEngine } from './handWiredCore.harness';
import { endpointOf, otherClient, serverFlags } from './sync.harness';

interface MiniCore {
  store: Store;
  accountId: string;
  sync: SyncEngine;
  runner: TaskRunner;
  actions: ActionsApi;
  failures: ActionFailedEvent[];
  folderId(path: string): number;
  /** Cached rows of a folder: uid → subject. */
  cached(path: string): Map<number, string>;
  idsOf(path: string): number[];
  close(): Promise<void>;
}

/** IMAP commands the runner sent, by name, across every core of a test. */
let commands: string[] = [];
const dirs: string[] = [];
const cores: MiniCore[] = [];

afterEach(async () => {
  await startImap();
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  commands = [];
});

/** Counts every command imapflow sends on this connection (its commands all go through `exec`). */
function countCommands(client: ImapFlow): ImapFlow {
  const counted = client as unknown as { exec: (command: string, ...rest: unknown[]) => unknown };
  const exec = counted.exec.bind(client);
  counted.exec = (command, ...rest) => {
    commands.push(command);
    return exec(command, ...rest);
  };
  return client;
}

/** The composition the lead wires in createCore: store, sync engine, task runner and actions, on one file. */
function openCore(user: TestUser, path: string, accountId?: string, options: { withoutMove?: boolean } = {}): MiniCore {
  const store = createStore(path, { log: { warn: () => undefined } });
  const id = accountId ?? insertLoopbackAccount(store, user, 'Test');
  const sync = openSyncEngine(store, user, { retryDelaysMs: [60_000] });
  const failures: ActionFailedEvent[] = [];
  const runner = createTaskRunner({
    store,
    connect: async () => {
      const client = countCommands(await connectImap(endpointOf(user)));
      // As a server without RFC 6851 would announce itself.
      if (options.withoutMove) client.capabilities.delete('MOVE');
      return client;
    },
    events: { emit: (_name, payload) => failures.push(payload) },
    retryDelaysMs: [200, 400, 800],
  });
  const actions = createActions({ store, runner });
  const folderId = (folderPath: string): number => {
    const row = store.db.prepare('SELECT id FROM folders WHERE account_id = ? AND path = ?').get(id, folderPath) as { id: number } | undefined;
    if (!row) throw new Error(`no folder ${folderPath}`);
    return row.id;
  };
  const rows = (folderPath: string) =>
    store.db.prepare('SELECT id, uid, subject FROM messages WHERE folder_id = ? ORDER BY uid').all(folderId(folderPath)) as Array<{
      id: number;
      uid: number;
      subject: string;
    }>;
  const core: MiniCore = {
    store,
    accountId: id,
    sync,
    runner,
    actions,
    failures,
    folderId,
    cached: (folderPath) => new Map(rows(folderPath).map((row) => [row.uid, row.subject])),
    idsOf: (folderPath) => rows(folderPath).map((row) => row.id),
    async close() {
      await runner.close();
      await sync.close();
      if (store.db.open) store.close();
    },
  };
  cores.push(core);
  return core;
}

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postino-actions-'));
  dirs.push(dir);
  return join(dir, 'cache.sqlite');
}

function message(n: number): string {
  return [
    'From: Bruno Verdi <bruno@example.com>',
    `Subject: Ordine ${n}`,
    `Message-ID: <ordine-${n}@example.com>`,
    `Date: Mon, 02 Nov 2026 09:${String(n % 60).padStart(2, '0')}:00 +0000`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Ordine numero ${n}`,
    '',
  ].join('\r\n');
}

async function seeded(count: number, opts: { seen?: boolean } = {}): Promise<{ user: TestUser; core: MiniCore }> {
  const user = await createUser('actions');
  await seedMaildir(user, 'INBOX', Array.from({ length: count }, (_, i) => message(i + 1)), opts);
  const core = openCore(user, tempPath());
  await core.sync.syncAccount(core.accountId);
  return { user, core };
}

async function serverSubjects(user: TestUser, path: string): Promise<string[]> {
  const client = await otherClient(user);
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const subjects: string[] = [];
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      }
      return subjects.sort();
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

const named = (name: string) => commands.filter((command) => command === name).length;

// These tests stop Dovecot: a private rig keeps other test files' shared one running.
useIsolatedRig();

describe('actions', () => {
  it('bulk mark-unread, move and delete of 300 messages reach the server in one command per folder', async () => {
    const { user, core } = await seeded(300, { seen: true });
    const inboxIds = core.idsOf('INBOX');
    expect(inboxIds).toHaveLength(300);

    const unread = await core.actions.markUnread(inboxIds);
    expect(unread.undoable).toBe(true);
    // The local step is already in the cache: the folder counter moved before any server saw the change.
    expect(core.store.db.prepare('SELECT unread_count AS n FROM folders WHERE id = ?').get(core.folderId('INBOX'))).toEqual({ n: 300 });
    await core.runner.drained();
    expect([...(await serverFlags(user, 'INBOX')).values()].every((flags) => !flags.includes('\\Seen'))).toBe(true);
    expect(named('UID STORE')).toBe(1);

    await core.actions.archive(inboxIds);
    expect(core.cached('INBOX').size).toBe(0);
    expect(core.cached('Archive').size).toBe(300);
    await core.runner.drained();
    expect(named('UID MOVE')).toBe(1);
    expect(await serverSubjects(user, 'INBOX')).toEqual([]);
    expect(await serverSubjects(user, 'Archive')).toHaveLength(300);
    // COPYUID gave every placeholder its real UID, so a sync of the target finds nothing to add or remove.
    const archived = core.cached('Archive');
    expect([...archived.keys()].every((uid) => uid > 0)).toBe(true);
    await core.sync.syncAccount(core.accountId);
    expect(core.cached('Archive')).toEqual(archived);
    expect(core.cached('INBOX').size).toBe(0);

    await core.actions.delete(core.idsOf('Archive'));
    await core.runner.drained();
    expect(named('UID MOVE')).toBe(2);
    expect(await serverSubjects(user, 'Trash')).toHaveLength(300);

    const permanent = await core.actions.delete(core.idsOf('Trash'));
    expect(permanent.undoable).toBe(false);
    expect(core.cached('Trash').size).toBe(0);
    await core.runner.drained();
    expect(await serverSubjects(user, 'Trash')).toEqual([]);
    expect(named('UID EXPUNGE')).toBe(1);
    expect(named('UID STORE')).toBe(2);
    await core.sync.syncAccount(core.accountId);
    expect(core.cached('Trash').size).toBe(0);
    console.log(`actions: 300 messages marked unread, archived, trashed and expunged with ${commands.length} commands: ${[...new Set(commands)].join(', ')}`);
  });

  it('actions taken with the IMAP server stopped are replayed exactly once after it starts, across a restart of the core', async () => {
    const { user, core } = await seeded(5);
    const path = core.store.db.name;
    const [one, two, three, four] = core.idsOf('INBOX') as [number, number, number, number];
    await stopImap();
    await core.actions.markRead([one, two]);
    await core.actions.move([three], core.folderId('Archive'));
    await core.actions.flag([four]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(core.cached('Archive').size).toBe(1);
    await core.close();
    cores.splice(cores.indexOf(core), 1);

    const restarted = openCore(user, path, core.accountId);
    expect(restarted.cached('Archive').size).toBe(1);
    restarted.runner.start();
    await startImap();
    restarted.runner.kick(restarted.accountId);
    await restarted.runner.drained();

    const inbox = await serverFlags(user, 'INBOX');
    expect([...inbox.values()].filter((flags) => flags.includes('\\Seen'))).toHaveLength(2);
    expect([...inbox.values()].filter((flags) => flags.includes('\\Flagged'))).toHaveLength(1);
    expect(inbox.size).toBe(4);
    expect(await serverSubjects(user, 'Archive')).toEqual(['Ordine 3']);
    expect(named('UID MOVE')).toBe(1);
    await restarted.sync.syncAccount(restarted.accountId);
    expect([...restarted.cached('Archive').values()]).toEqual(['Ordine 3']);
    expect(restarted.cached('INBOX').size).toBe(4);
  });

  it('without MOVE, a move is one UID COPY, UID STORE and UID EXPUNGE, and leaves exactly one copy', async () => {
    const user = await createUser('nomove');
    await seedMaildir(user, 'INBOX', Array.from({ length: 50 }, (_, i) => message(i + 1)));
    const core = openCore(user, tempPath(), undefined, { withoutMove: true });
    await core.sync.syncAccount(core.accountId);
    await core.actions.archive(core.idsOf('INBOX'));
    await core.runner.drained();
    expect([named('UID MOVE'), named('UID COPY'), named('UID STORE'), named('UID EXPUNGE')]).toEqual([0, 1, 1, 1]);
    expect(await serverSubjects(user, 'INBOX')).toEqual([]);
    expect(await serverSubjects(user, 'Archive')).toHaveLength(50);
    await core.sync.syncAccount(core.accountId);
    expect(core.cached('Archive').size).toBe(50);
    expect([...core.cached('Archive').keys()].every((uid) => uid > 0)).toBe(true);
  });

  it('undo puts back what was done, on the server', async () => {
    const { user, core } = await seeded(3);
    const [one, two, three] = core.idsOf('INBOX') as [number, number, number];
    const read = await core.actions.markRead([one, two]);
    const moved = await core.actions.move([three], core.folderId('Archive'));
    const junked = await core.actions.spam([two]);
    await core.runner.drained();
    expect(await serverSubjects(user, 'Junk')).toEqual(['Ordine 2']);
    expect([...(await serverFlags(user, 'Junk')).values()][0]).toContain('$Junk');

    await core.actions.undo(junked.taskId);
    await core.actions.undo(moved.taskId);
    await core.actions.undo(read.taskId);
    expect(core.cached('INBOX').size).toBe(3);
    await core.runner.drained();

    expect(await serverSubjects(user, 'INBOX')).toEqual(['Ordine 1', 'Ordine 2', 'Ordine 3']);
    expect(await serverSubjects(user, 'Archive')).toEqual([]);
    expect(await serverSubjects(user, 'Junk')).toEqual([]);
    const flags = [...(await serverFlags(user, 'INBOX')).values()];
    expect(flags.every((f) => !f.includes('\\Seen') && !f.includes('$Junk'))).toBe(true);
    await core.sync.syncAccount(core.accountId);
    expect([...core.cached('INBOX').values()].sort()).toEqual(['Ordine 1', 'Ordine 2', 'Ordine 3']);
  });

  it('a move refused by the server (the folder was deleted by another client) restores the cache and says which messages and why', async () => {
    const user = await createUser('refused');
    await seedMaildir(user, 'INBOX', [message(1), message(2)]);
    await seedMaildir(user, 'Clienti', [message(3)]);
    const core = openCore(user, tempPath());
    await core.sync.syncAccount(core.accountId);
    const before = core.cached('INBOX');
    const ids = core.idsOf('INBOX');

    const other = await otherClient(user);
    await other.mailboxDelete('Clienti');
    await other.logout();
    await core.actions.move(ids, core.folderId('Clienti'));
    expect(core.cached('INBOX').size).toBe(0);
    await core.runner.drained();

    expect(core.cached('INBOX')).toEqual(before);
    expect(core.failures).toEqual([
      expect.objectContaining({ action: 'move', messageIds: [...ids].sort((a, b) => a - b), error: expect.objectContaining({ code: 'not-found' }) }),
    ]);
    expect(await serverSubjects(user, 'INBOX')).toEqual(['Ordine 1', 'Ordine 2']);
  });
});
