import { afterEach, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { createUser, killImap, seedMaildir, startImap, useIsolatedRig, type TestUser } from '../rig';
import { generateMessages } from '../rig/seed/generate';
import { openSyncHarness, otherClient, serverFlags, type ServerKind, type SyncHarness } from './sync.harness';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});


// These tests kill Dovecot: a private rig keeps the shared one serving other test files.
useIsolatedRig();

describe.each<ServerKind>(['qresync', 'condstore', 'plain'])('sync: changes made elsewhere (%s)', (serverKind) => {
  it(`sync: flags changed and messages expunged by another client show up (${serverKind})`, async () => {
    const user = await createUser(`changes-${serverKind}`);
    await seedMaildir(user, 'INBOX', [...generateMessages({ count: 40, seed: 31, recipient: { name: 'C', address: user.address } })]);
    harness = openSyncHarness(user, { serverKind });
    const h = harness;
    await h.engine.syncAccount(h.accountId);
    expect(h.cachedFlags('INBOX').size).toBe(40);
    const enabled = h.connections[0] instanceof Error ? [] : [...(h.connections[0]?.enabled ?? [])];
    expect(enabled.filter((extension) => extension === 'QRESYNC' || extension === 'CONDSTORE').sort()).toEqual(
      { qresync: ['CONDSTORE', 'QRESYNC'], condstore: ['CONDSTORE'], plain: [] }[serverKind],
    );

    await changeElsewhere(user, async (client) => {
      await client.messageFlagsAdd('3,7', ['\\Seen', '\\Flagged'], { uid: true });
      await client.messageFlagsAdd('12', ['$Etichetta'], { uid: true });
      await client.messageDelete('5,20:22', { uid: true });
    });

    await h.engine.syncFolder(h.accountId, h.folderId('INBOX'));
    const cached = h.cachedFlags('INBOX');
    expect(cached).toEqual(await serverFlags(user, 'INBOX'));
    expect(cached.get(3)).toEqual(['\\Flagged', '\\Seen']);
    expect(cached.get(12)).toEqual(['$Etichetta']);
    expect([5, 20, 21, 22].filter((uid) => cached.has(uid))).toEqual([]);
    expect(cached.size).toBe(36);

    // Again, now that INBOX is the folder the engine's connection has selected: it must select it anew to see.
    await changeElsewhere(user, async (client) => {
      await client.messageFlagsRemove('3', ['\\Seen'], { uid: true });
      await client.messageDelete('30', { uid: true });
    });
    await h.engine.syncFolder(h.accountId, h.folderId('INBOX'));
    const again = h.cachedFlags('INBOX');
    expect(again).toEqual(await serverFlags(user, 'INBOX'));
    expect(again.get(3)).toEqual(['\\Flagged']);
    expect(again.has(30)).toBe(false);
  });
});

describe('sync: UIDVALIDITY', () => {
  it('sync: a folder deleted and recreated under the same name drops its cache and refetches, with no stale body', async () => {
    const user = await createUser('uidvalidity');
    const other = await otherClient(user);
    harness = openSyncHarness(user);
    const h = harness;
    try {
      await other.mailboxCreate('Progetti');
      await other.append('Progetti', rawMessage('Vecchio progetto', 'Il testo del messaggio vecchio'));
      await h.engine.syncAccount(h.accountId);
      await h.engine.idle();
      const folderId = h.folderId('Progetti');
      const before = h.store.db.prepare('SELECT uidvalidity FROM folders WHERE id = ?').get(folderId) as { uidvalidity: number };
      expect(bodyTextOf(h, folderId, 1)).toContain('messaggio vecchio');

      await other.mailboxDelete('Progetti');
      await other.mailboxCreate('Progetti');
      await other.append('Progetti', rawMessage('Nuovo progetto', 'Il testo del messaggio nuovo'));
      await h.engine.syncAccount(h.accountId);
      await h.engine.idle();

      const after = h.store.db.prepare('SELECT uidvalidity FROM folders WHERE id = ?').get(h.folderId('Progetti')) as { uidvalidity: number };
      expect(after.uidvalidity).not.toBe(before.uidvalidity);
      const rows = h.store.db.prepare('SELECT uid, subject FROM messages WHERE folder_id = ?').all(h.folderId('Progetti'));
      expect(rows).toEqual([{ uid: 1, subject: 'Nuovo progetto' }]);
      expect(bodyTextOf(h, h.folderId('Progetti'), 1)).toContain('messaggio nuovo');
    } finally {
      await other.logout();
    }
  });
});

describe.each([
  ['batches', { firstBatchSize: 200, batchSize: 250, retryDelaysMs: [300] }],
  // Small chunks: each is a round trip, so the kill lands while the stream still has chunks to ask for.
  ['stream', { firstBatchSize: 200, batchSize: 250, streamFrom: 1, streamChunkSize: 100, retryDelaysMs: [300] }],
])('sync: a server crash mid-sync (%s)', (how, tuning) => {
  it(`sync: after the server is killed mid-sync and restarted, the cache equals the server, nothing lost or doubled (${how})`, async () => {
    const user = await createUser('crash');
    await seedMaildir(user, 'INBOX', [...generateMessages({ count: 3000, seed: 41, recipient: { name: 'K', address: user.address } })]);
    harness = openSyncHarness(user, { tuning });
    const h = harness;
    let killing: Promise<void> | null = null;
    h.events.on('sync:status', (status) => {
      if (killing === null && status.folderPath === 'INBOX' && status.done >= 700) killing = killImap();
    });
    await h.engine.syncAccount(h.accountId);
    await killing;
    const interrupted = h.store.db.prepare('SELECT count(*) AS count FROM messages').get() as { count: number };
    expect(interrupted.count).toBeGreaterThan(0);
    expect(interrupted.count).toBeLessThan(3000);
    expect(h.engine.status()[0]?.state).toBe('offline');

    await startImap();
    // The engine retries on its own schedule (300 ms here) and completes the sync.
    await waitUntil(() => h.engine.status()[0]?.state === 'idle' && (h.engine.status()[0]?.lastSyncedAt ?? 0) > 0);
    await h.engine.idle();
    const cached = h.cachedFlags('INBOX');
    expect(cached).toEqual(await serverFlags(user, 'INBOX'));
    const count = h.store.db.prepare('SELECT count(*) AS n, count(DISTINCT uid) AS distinctUids FROM messages WHERE folder_id = ?').get(h.folderId('INBOX'));
    expect(count).toEqual({ n: 3000, distinctUids: 3000 });
  });
});

async function changeElsewhere(user: TestUser, change: (client: ImapFlow) => Promise<void>): Promise<void> {
  const other = await otherClient(user);
  try {
    const lock = await other.getMailboxLock('INBOX');
    try {
      await change(other);
    } finally {
      lock.release();
    }
  } finally {
    await other.logout();
  }
}

function rawMessage(subject: string, text: string): string {
  return [
    'From: Bruno <bruno@example.com>',
    'To: Anna <anna@postino.test>',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}.${Date.now()}@example.com>`,
    'Date: Mon, 02 Nov 2026 09:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

function bodyTextOf(h: SyncHarness, folderId: number, uid: number): string | null {
  const row = h.store.db
    .prepare('SELECT b.text FROM bodies b JOIN messages m ON m.id = b.message_id WHERE m.folder_id = ? AND m.uid = ?')
    .get(folderId, uid) as { text: string | null } | undefined;
  return row?.text ?? null;
}

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
