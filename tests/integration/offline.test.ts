import { afterEach, describe, expect, it } from 'vitest';
import { createUser, killImap, seedMaildir, startImap, useIsolatedRig } from '../rig';
import { generateMessages } from '../rig/seed/generate';
import { openSyncHarness, type SyncHarness } from './sync.harness';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await startImap().catch(() => undefined);
  await harness?.dispose();
  harness = undefined;
});

/** A message dated 2001: older than the offline window, so its body is fetched only when the reader asks. */
function oldMessage(n: number): string {
  return [
    'From: Archivio <archivio@example.com>',
    `Subject: Vecchio ${n}`,
    `Message-ID: <old-${n}@example.com>`,
    'Date: Mon, 01 Jan 2001 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Testo vecchio numero ${n}`,
    '',
  ].join('\r\n');
}


// These tests kill Dovecot: a private rig keeps the shared one serving other test files.
useIsolatedRig();

describe('offline', () => {
  it('offline: with the IMAP server gone the account is offline, the cache stays readable and whole, retries are paced, and sync resumes by itself', async () => {
    const user = await createUser('offline');
    await seedMaildir(user, 'INBOX', [oldMessage(1), oldMessage(2)]);
    await seedMaildir(user, 'INBOX', [...generateMessages({ count: 30, seed: 51, recipient: { name: 'O', address: user.address }, startDate: new Date() })]);
    harness = openSyncHarness(user, { offlineBodyDays: 30, tuning: { retryDelaysMs: [400, 800, 1_600, 3_200] } });
    const h = harness;
    await h.engine.syncAccount(h.accountId);
    await h.engine.idle();
    const messageIdOf = (uid: number) =>
      (h.store.db.prepare('SELECT id FROM messages WHERE folder_id = ? AND uid = ?').get(h.folderId('INBOX'), uid) as { id: number }).id;
    expect(await h.engine.fetchBodyNow(messageIdOf(1))).toBe(true);
    const cacheBefore = snapshotCache(h);
    expect(cacheBefore.messages).toBe(32);
    expect(cacheBefore.bodies).toBe(31); // 30 recent in the background, 1 old on demand

    // killImap rather than stopImap: the rig's graceful stop leaves open sessions serving, and the point here is a
    // server that is gone, open sessions included.
    await killImap();
    const attemptsBefore = h.connections.length;
    const stoppedAt = Date.now();
    await h.engine.syncAccount(h.accountId);
    const offline = h.engine.status()[0];
    expect(offline?.state).toBe('offline');
    expect(offline?.offlineSince).toBeGreaterThanOrEqual(stoppedAt);
    expect(await h.engine.fetchBodyNow(messageIdOf(2))).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // The sync above, then one attempt per backoff step (400 ms, then 800 ms later): no storm.
    const attempts = h.connections.slice(attemptsBefore);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThanOrEqual(4);
    expect(attempts.every((attempt) => attempt instanceof Error)).toBe(true);
    expect(h.engine.status()[0]).toMatchObject({ state: 'offline', offlineSince: offline?.offlineSince });
    expect(snapshotCache(h)).toEqual(cacheBefore);

    await startImap();
    await waitUntil(() => h.engine.status()[0]?.state === 'idle', 10_000);
    expect(h.engine.status()[0]).toMatchObject({ state: 'idle', offlineSince: null, error: null });
    expect(await h.engine.fetchBodyNow(messageIdOf(2))).toBe(true);
    expect(snapshotCache(h).bodies).toBe(32);
  });

  it('offline: a wrong password asks for the password instead of retrying', async () => {
    const user = await createUser('wrongpass');
    harness = openSyncHarness({ ...user, password: 'not-the-password' }, { tuning: { retryDelaysMs: [200] } });
    const h = harness;
    await h.engine.syncAccount(h.accountId);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(h.engine.status()[0]).toMatchObject({ state: 'needs-password', error: { code: 'auth-failed' } });
    expect(h.connections).toHaveLength(1);
  });
});

function snapshotCache(h: SyncHarness): { messages: number; bodies: number; texts: string } {
  const messages = (h.store.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  const bodies = h.store.db.prepare('SELECT message_id, text FROM bodies ORDER BY message_id').all() as Array<{ message_id: number; text: string | null }>;
  return { messages, bodies: bodies.length, texts: bodies.map((b) => `${b.message_id}:${b.text?.length ?? 0}`).join(',') };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
