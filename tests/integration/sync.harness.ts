/**
 * What the sync integration tests share: a real store on a temporary file, the engine pointed at a rig user, the
 * events it emitted, and a second, independent IMAP client to change the server or read it back.
 */
import { ImapFlow } from 'imapflow';
import type { AccountStatus } from '../../src/shared/types';
import type { EventMap } from '../../src/shared/api';
import { createCoreEvents, type CoreEvents } from '../../src/main/core/events';
import { connectImap, type ImapEndpoint } from '../../src/main/imap/connect';
import { createSyncSink } from '../../src/main/store/syncSink';
import { openTestStore, seedAccount } from '../../src/main/store/testStore';
import type { Store } from '../../src/main/store/store';
import { createSyncEngine, type SyncEngine, type SyncTuning } from '../../src/main/sync/engine';
import { rigInfo, type TestUser } from '../rig';

export interface SyncHarness {
  engine: SyncEngine;
  events: CoreEvents;
  store: Store;
  accountId: string;
  statuses: AccountStatus[];
  newMail: Array<EventMap['mail:new']>;
  /** Every connection attempt the engine made, in order; a failed attempt is kept as its error. */
  connections: Array<ImapFlow | Error>;
  folderId(path: string): number;
  /** The cache's view of a folder: UID → sorted flags. */
  cachedFlags(path: string): Map<number, string[]>;
  dispose(): Promise<void>;
}

export function endpointOf(user: TestUser): ImapEndpoint {
  const rig = rigInfo();
  return { host: rig.host, port: rig.imapPort, security: 'none', username: user.username, password: user.password, pinnedCertSha256: null };
}

/**
 * How the engine's connections talk: as the app does (QRESYNC), or as an older server would let them, with
 * CONDSTORE only or with neither (imapflow then ENABLEs nothing).
 */
export type ServerKind = 'qresync' | 'condstore' | 'plain';

export interface HarnessOptions {
  tuning?: Partial<SyncTuning>;
  offlineBodyDays?: number;
  serverKind?: ServerKind;
}

export function openSyncHarness(user: TestUser, options: HarnessOptions = {}): SyncHarness {
  const testStore = openTestStore();
  const { store } = testStore;
  const { accountId } = seedAccount(store, user.address, []);
  const events = createCoreEvents();
  const statuses: AccountStatus[] = [];
  const newMail: Array<EventMap['mail:new']> = [];
  events.on('sync:status', (status) => statuses.push(status));
  events.on('mail:new', (payload) => newMail.push(payload));
  const connections: Array<ImapFlow | Error> = [];
  const connect = (endpoint: ImapEndpoint): Promise<ImapFlow> =>
    (options.serverKind && options.serverKind !== 'qresync' ? connectAs(options.serverKind, endpoint) : connectImap(endpoint)).then(
      (client) => {
        connections.push(client);
        return client;
      },
      (err: Error) => {
        connections.push(err);
        throw err;
      },
    );
  const engine = createSyncEngine({
    sink: createSyncSink(store),
    endpointFor: async () => endpointOf(user),
    now: Date.now,
    events,
    settings: () => ({ offlineBodyDays: options.offlineBodyDays ?? 36_500 }),
    tuning: { parseWorkers: 1, ...options.tuning },
    connect,
  });
  const folderId = (path: string): number => {
    const row = store.db.prepare('SELECT id FROM folders WHERE account_id = ? AND path = ?').get(accountId, path) as { id: number } | undefined;
    if (!row) throw new Error(`no folder ${path} in the cache`);
    return row.id;
  };
  return {
    engine,
    events,
    store,
    accountId,
    statuses,
    newMail,
    connections,
    folderId,
    cachedFlags(path) {
      const rows = store.db.prepare('SELECT uid, flags_json FROM messages WHERE folder_id = ? ORDER BY uid').all(folderId(path)) as Array<{ uid: number; flags_json: string }>;
      return new Map(rows.map((row) => [row.uid, (JSON.parse(row.flags_json) as string[]).sort()]));
    },
    async dispose() {
      await engine.close();
      testStore.dispose();
    },
  };
}

async function connectAs(kind: ServerKind, endpoint: ImapEndpoint): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: endpoint.username, pass: endpoint.password },
    logger: false,
    disableAutoEnable: kind === 'plain',
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A second client, as another device of the same user would be. */
export async function otherClient(user: TestUser): Promise<ImapFlow> {
  const rig = rigInfo();
  const client = new ImapFlow({ host: rig.host, port: rig.imapPort, secure: false, doSTARTTLS: false, auth: { user: user.username, pass: user.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The server's view of a folder, read by a second client: UID → sorted flags (\Recent left out: it is per session). */
export async function serverFlags(user: TestUser, path: string): Promise<Map<number, string[]>> {
  const client = await otherClient(user);
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const flags = new Map<number, string[]>();
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const message of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) {
          flags.set(message.uid, [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent').sort());
        }
      }
      return flags;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
