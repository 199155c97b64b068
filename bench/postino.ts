// ─── EXTENSION POINT: Postino's own measurements ──────────────────────────────────────────────────────────
// The sync engineer owns the body of this function. The harness (bench/run.ts) calls it in a child process
// of its own (bench/postinoChild.ts), so the peak RSS it reports is Postino's core alone, apart from mbsync
// and from the harness. Return seconds under these keys (others are printed as they are):
//   newest200Seconds       — from an empty cache to the newest 200 headers of INBOX stored and listable
//   headerSyncSeconds      — full header sync of INBOX (compared with bare imapflow and with mbsync)
//   bodiesSeconds          — header sync plus every body (compared with mbsync's full pull)
//   noChangeResyncSeconds  — a resync when nothing changed on the server (compared with mbsync's)
// The rig and a seeded user are given; use a fresh temporary directory for Postino's database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreEvents } from '../src/main/core/events';
import type { ImapEndpoint } from '../src/main/imap/connect';
import { insertAccount } from '../src/main/store/accounts';
import { createStore, type Store } from '../src/main/store/store';
import { createSyncSink } from '../src/main/store/syncSink';
import { createSyncEngine, type SyncEngine } from '../src/main/sync/engine';
import type { RigInfo, TestUser } from '../tests/rig';

export async function measurePostino(rig: RigInfo, user: TestUser): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'postino-bench-'));
  // Plain IMAP without TLS, as the references use: the protocol and the engine, not Dovecot's TLS.
  const endpoint: ImapEndpoint = { host: rig.host, port: rig.imapPort, security: 'none', username: user.username, password: user.password, pinnedCertSha256: null };
  const store = createStore(join(dir, 'cache.sqlite'), { log: { warn: () => undefined }, checkpointInBackground: true });
  try {
    const account = insertAccount(store, {
      address: user.address,
      displayName: 'Bench',
      username: user.username,
      imap: { host: rig.host, port: rig.imapPort, security: 'none' },
      smtp: { host: rig.host, port: rig.smtpPort, security: 'starttls' },
    });
    const first = await measureFirstSync(store, account.id, endpoint);
    const noChangeResyncSeconds = await measureNoChangeResync(store, account.id, endpoint);
    return { ...first, noChangeResyncSeconds };
  } finally {
    store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function engineFor(store: Store, endpoint: ImapEndpoint, events = createCoreEvents()): SyncEngine {
  return createSyncEngine({
    sink: createSyncSink(store),
    endpointFor: async () => endpoint,
    now: Date.now,
    events,
    // Every body, whatever its date: the comparison is with mbsync's full pull.
    settings: () => ({ offlineBodyDays: 365_000 }),
  });
}

/** From an empty cache: the newest 200 listable, all headers, then all bodies (parsed, sanitised, indexed). */
async function measureFirstSync(store: Store, accountId: string, endpoint: ImapEndpoint): Promise<Record<string, number>> {
  const events = createCoreEvents();
  const engine = engineFor(store, endpoint, events);
  let newest200Seconds = Number.NaN;
  const started = performance.now();
  events.on('sync:status', (status) => {
    // Emitted right after the first batch was written: from here the list query can show it.
    if (Number.isNaN(newest200Seconds) && status.folderPath === 'INBOX' && status.done >= Math.min(200, status.total) && status.total > 0) {
      newest200Seconds = (performance.now() - started) / 1000;
    }
  });
  try {
    await engine.syncAccount(accountId);
    const headerSyncSeconds = (performance.now() - started) / 1000;
    await engine.idle();
    const bodiesSeconds = (performance.now() - started) / 1000;
    const bodies = store.db.prepare('SELECT count(*) AS n FROM bodies').get() as { n: number };
    const messages = store.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
    if (bodies.n !== messages.n) throw new Error(`bench: ${bodies.n} bodies cached for ${messages.n} messages`);
    return { newest200Seconds, headerSyncSeconds, bodiesSeconds };
  } finally {
    await engine.close();
  }
}

/** A fresh engine (new connection and login, as a fresh mbsync process) resyncing INBOX when nothing changed. */
async function measureNoChangeResync(store: Store, accountId: string, endpoint: ImapEndpoint): Promise<number> {
  const inbox = store.db.prepare("SELECT id FROM folders WHERE account_id = ? AND path = 'INBOX'").get(accountId) as { id: number };
  // mbsync's figure is taken a little over a second after its full run; the same pause here.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const engine = engineFor(store, endpoint);
  try {
    const started = performance.now();
    await engine.syncFolder(accountId, inbox.id);
    return (performance.now() - started) / 1000;
  } finally {
    await engine.close();
  }
}
