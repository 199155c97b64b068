import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { createCoreEvents } from '../src/main/core/events';
import { insertAccount } from '../src/main/store/accounts';
import { createStore } from '../src/main/store/store';
import { createSyncSink } from '../src/main/store/syncSink';
import { createSyncEngine } from '../src/main/sync/engine';
import { createUser, startRig } from '../tests/rig';
import { seedGeneratedMessages } from '../tests/rig/seed';

const count = Number(process.argv[2] ?? 30000);
const variants = (process.argv[3] ?? '2000').split(',').map(Number);
const dir = await mkdtemp(fileURLToPath(new URL('../.rig/ab-', import.meta.url)));
const rig = await startRig({ dir });
try {
  const user = await createUser('ab');
  await seedGeneratedMessages(dir, user, 'INBOX', { count, seed: 42 });
  const bare = async () => {
    const t = performance.now();
    const c = new ImapFlow({ host: rig.host, port: rig.imapPort, secure: false, doSTARTTLS: false, auth: { user: user.username, pass: user.password }, logger: false });
    await c.connect(); const lock = await c.getMailboxLock('INBOX');
    for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true, bodyStructure: true, internalDate: true, size: true, headers: ['references'] }, { uid: true })) void m;
    lock.release(); await c.logout();
    return (performance.now() - t) / 1000;
  };
  const postino = async (batchSize: number) => {
    const d = await mkdtemp(join(tmpdir(), 'ab-'));
    const store = createStore(join(d, 'c.sqlite'), { log: { warn: () => undefined } });
    const account = insertAccount(store, { address: user.address, displayName: 'B', username: user.username, imap: { host: rig.host, port: rig.imapPort, security: 'none' }, smtp: { host: rig.host, port: rig.smtpPort, security: 'starttls' } });
    const engine = createSyncEngine({ sink: createSyncSink(store), endpointFor: async () => ({ host: rig.host, port: rig.imapPort, security: 'none', username: user.username, password: user.password, pinnedCertSha256: null }), now: Date.now, events: createCoreEvents(), settings: () => ({ offlineBodyDays: 0 }), tuning: { batchSize } });
    const t = performance.now();
    await engine.syncAccount(account.id);
    const s = (performance.now() - t) / 1000;
    await engine.idle(); await engine.close(); store.close(); await rm(d, { recursive: true, force: true });
    return s;
  };
  if (!process.env.SKIPBARE) await bare();
  for (let r = 0; r < Number(process.env.ROUNDS ?? 3); r++) {
    const b = process.env.SKIPBARE ? 0 : await bare();
    const ps = [];
    for (const v of variants) ps.push(`${v}: ${(await postino(v)).toFixed(2)}s`);
    console.log(`bare ${b.toFixed(2)}s  postino ${ps.join('  ')}`);
  }
} finally {
  await rig.stop();
  await rm(dir, { recursive: true, force: true });
}
