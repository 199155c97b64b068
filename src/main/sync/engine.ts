/**
 * The sync engine: keeps each account's cache equal to its server. It speaks IMAP through the ops in
 * src/main/imap/ops (over a two-lane connection pool) and writes only through the SyncSink.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import type { AccountStatus, FolderRole, Settings } from '../../shared/types';
import type { CoreEvents } from '../core/events';
import type { ImapEndpoint } from '../imap/connect';
import { DEFAULT_COMMAND_TIMEOUT_MS } from '../imap/deadline';
import { fetchAttachment, type FetchedAttachment } from '../imap/ops/fetchAttachment';
import { listFolders } from '../imap/ops/listFolders';
import { createImapPool } from '../imap/pool';
import { createAccountStates, isUnreachable } from './accountStatus';
import { fetchAndStoreBodies, syncFolderBodies, type BodySyncContext } from './bodySync';
import { createCoalescer } from './coalesce';
import { syncFolderHeaders, type FolderRef, type HeaderSyncTuning } from './folderSync';
import { createParsePool } from './parsePool';
import { createRetrySchedule, DEFAULT_RETRY_DELAYS_MS } from './retrySchedule';
import type { RemoteFolder, SyncSink } from './sink';

export interface SyncTuning extends HeaderSyncTuning {
  bodyBatchSize: number;
  parseWorkers?: number;
  retryDelaysMs: readonly number[];
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  firstBatchSize: 200,
  batchSize: 2_000,
  // The stream saves ~35 µs of CPU a header and costs a new login afterwards (it uses its connection up): at 5,000
  // headers the saving is about what that login takes on a distant server.
  streamFrom: 5_000,
  streamChunkSize: 10_000,
  // 500 rather than 2,000: while a transaction holds the thread nobody reads the socket, and the server stalls once
  // its send buffer is full (100,000 headers: 5.5–5.7 s against 5.7–5.9 s; 250 was slower again: commits cost).
  streamBatchSize: 500,
  commandTimeoutMs: DEFAULT_COMMAND_TIMEOUT_MS,
  bodyBatchSize: 500,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
};

export interface SyncEngineDeps {
  sink: SyncSink;
  endpointFor(accountId: string): Promise<ImapEndpoint>;
  now: () => number;
  events: CoreEvents;
  /** Read at the start of each body pass, so a changed setting applies from the next sync. */
  settings: () => Pick<Settings, 'offlineBodyDays'>;
  tuning?: Partial<SyncTuning>;
  /** Replaces connectImap: the integration tests count connection attempts and pick the extensions a server offers. */
  connect?: (endpoint: ImapEndpoint) => Promise<ImapFlow>;
  log?: Pick<Console, 'warn'>;
}

export interface SyncEngine {
  /** Folder list, then Inbox, then the other folders; bodies follow in the background. Never rejects for offline or a refused password: the status says so. */
  syncAccount(accountId: string): Promise<void>;
  /** One folder now. Requests for a folder that is syncing run once more after the current run, never in parallel. */
  syncFolder(accountId: string, folderId: number): Promise<void>;
  /** Fetches, parses and caches one body for the reader; false when the server cannot be reached or the message is gone. */
  fetchBodyNow(messageId: number): Promise<boolean>;
  /** One attachment's bytes, fetched on demand. */
  fetchAttachment(messageId: number, part: string): Promise<FetchedAttachment>;
  status(): AccountStatus[];
  /** Resolves when no header sync or body pass is running (a pending offline retry does not count). */
  idle(): Promise<void>;
  /** Stops retries and closes the connections of an account that was removed. */
  forgetAccount(accountId: string): Promise<void>;
  close(): Promise<void>;
}

/** Inbox first; folders whose mail matters least come last. */
const ROLE_ORDER: Readonly<Record<FolderRole, number>> = { inbox: 0, sent: 1, drafts: 2, archive: 3, flagged: 5, all: 6, junk: 7, trash: 8 };
const NO_ROLE_ORDER = 4;
const DAY_MS = 86_400_000;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { sink, events, now } = deps;
  const tuning: SyncTuning = { ...DEFAULT_SYNC_TUNING, ...deps.tuning };
  const log = deps.log ?? console;
  const pool = createImapPool({ endpointFor: deps.endpointFor, connect: deps.connect });
  const parser = createParsePool(tuning.parseWorkers);
  const accountRuns = createCoalescer();
  const folderRuns = createCoalescer();
  const bodyRuns = createCoalescer();
  const retries = createRetrySchedule(tuning.retryDelaysMs, (accountId) => {
    syncAccount(accountId).catch((err: unknown) => log.warn(`postino: retried sync of ${accountId} failed`, err));
  });
  const foldersByAccount = new Map<string, Map<number, RemoteFolder & { id: number }>>();
  const accounts = createAccountStates({
    events,
    now,
    onUnreachable: (accountId) => retries.schedule(accountId),
    onReachable: (accountId) => retries.reset(accountId),
  });
  let closing = false;
  const bodyContext: BodySyncContext = {
    sink,
    pool,
    parser,
    bodyBatchSize: tuning.bodyBatchSize,
    commandTimeoutMs: tuning.commandTimeoutMs,
    stopped: () => closing,
  };

  const refreshFolders = async (accountId: string): Promise<Array<RemoteFolder & { id: number }>> => {
    const remote = await pool.run(accountId, 'sync', (client) => listFolders(client, { timeoutMs: tuning.commandTimeoutMs }));
    const idsByPath = sink.syncFolderList(accountId, remote);
    const folders = remote.flatMap((folder) => {
      const id = idsByPath.get(folder.path);
      return id === undefined ? [] : [{ ...folder, id }];
    });
    foldersByAccount.set(accountId, new Map(folders.map((folder) => [folder.id, folder])));
    return syncOrder(folders);
  };

  const folderRef = async (accountId: string, folderId: number): Promise<FolderRef> => {
    let folder = foldersByAccount.get(accountId)?.get(folderId);
    if (!folder) {
      await refreshFolders(accountId);
      folder = foldersByAccount.get(accountId)?.get(folderId);
    }
    if (!folder || !folder.selectable) throw new PostinoError('not-found', `Folder ${folderId} of account ${accountId} is not on the server`);
    return { accountId, folderId, path: folder.path };
  };

  const headersOf = (folder: FolderRef): Promise<void> =>
    folderRuns.run(`${folder.accountId}\u0000${folder.folderId}`, async () => {
      accounts.syncing(folder.accountId, folder.path, 0, 0);
      const result = await syncFolderHeaders(
        {
          sink,
          pool,
          now,
          tuning,
          log,
          onProgress: (done, total) => accounts.syncing(folder.accountId, folder.path, done, total),
        },
        folder,
      );
      if (!result.initial && result.newMessageIds.length > 0) {
        events.emit('mail:new', { accountId: folder.accountId, folderId: folder.folderId, messages: sink.summaries(result.newMessageIds) });
      }
    });

  /** A body pass over every folder of the account, Inbox first; asking a folder with nothing missing is one query. */
  const syncBodies = (accountId: string): Promise<void> =>
    bodyRuns.run(accountId, async () => {
      const sinceDate = now() - deps.settings().offlineBodyDays * DAY_MS;
      try {
        for (const folder of syncOrder([...(foldersByAccount.get(accountId)?.values() ?? [])])) {
          await syncFolderBodies(bodyContext, { accountId, folderId: folder.id, path: folder.path }, sinceDate).catch((err: unknown) => {
            // Deleted or recreated meanwhile: the next header sync sorts the folder out; the other folders go on.
            if (!(err instanceof PostinoError && err.code === 'not-found')) throw err;
          });
        }
      } catch (err) {
        // The next header sync notices an unreachable server and reports it; a body pass only gives up quietly.
        if (!isUnreachable(err)) log.warn(`postino: body pass of ${accountId} failed`, err);
      }
    });

  /** Headers of every folder in order; returns the first fault that did not stop the others, or null. */
  const syncAllHeaders = async (accountId: string, folders: Array<RemoteFolder & { id: number }>): Promise<unknown> => {
    let firstFault: unknown = null;
    for (const folder of folders) {
      try {
        await headersOf({ accountId, folderId: folder.id, path: folder.path });
      } catch (err) {
        // A folder deleted between LIST and SELECT disappears with the next LIST; the others still sync.
        if (err instanceof PostinoError && err.code === 'not-found') continue;
        if (isUnreachable(err) || (err instanceof PostinoError && err.code === 'auth-failed')) throw err;
        firstFault ??= err;
      }
    }
    return firstFault;
  };

  async function syncAccount(accountId: string): Promise<void> {
    await accountRuns.run(accountId, async () => {
      let synced = false;
      await accounts.busy(accountId, async () => {
        try {
          const folders = await refreshFolders(accountId);
          const fault = await syncAllHeaders(accountId, folders);
          if (fault !== null) throw fault;
          synced = true;
          void syncBodies(accountId);
        } catch (err) {
          if (!accounts.failed(accountId, err)) throw err;
        }
      });
      if (synced) accounts.reachable(accountId, { accountSynced: true });
    });
  }

  const engine: SyncEngine = {
    syncAccount,
    async syncFolder(accountId, folderId) {
      let synced = false;
      await accounts.busy(accountId, async () => {
        try {
          await headersOf(await folderRef(accountId, folderId));
          synced = true;
          void syncBodies(accountId);
        } catch (err) {
          if (err instanceof PostinoError && err.code === 'not-found') {
            // The folder went away on the server: a fresh folder list lets the UI drop it; the account is fine.
            await refreshFolders(accountId).catch(() => undefined);
            throw err;
          }
          if (!accounts.failed(accountId, err)) throw err;
        }
      });
      if (synced) accounts.reachable(accountId, { accountSynced: false });
    },
    async fetchBodyNow(messageId) {
      const location = sink.locateMessage(messageId);
      if (!location || accounts.get(location.accountId).state === 'offline') return false;
      const folder = { accountId: location.accountId, folderId: location.folderId, path: location.folderPath };
      try {
        const wanted = [{ messageId, uid: location.uid, textParts: location.textParts }];
        const stored = await fetchAndStoreBodies(bodyContext, folder, wanted, { urgent: true });
        return stored.has(messageId);
      } catch (err) {
        if (err instanceof PostinoError && err.code === 'not-found') return false;
        // Unreachable or password refused: the account's status says so; any other failure is this message's.
        if (!isUnreachable(err) && !(err instanceof PostinoError && err.code === 'auth-failed')) throw err;
        accounts.failed(location.accountId, err);
        return false;
      }
    },
    async fetchAttachment(messageId, part) {
      const location = sink.locateMessage(messageId);
      if (!location) throw new PostinoError('not-found', `Message ${messageId} is not in the cache`);
      try {
        return await pool.run(
          location.accountId,
          'bodies',
          (client) =>
            fetchAttachment(client, {
              path: location.folderPath,
              uidValidity: sink.getFolderState(location.folderId).uidValidity,
              uid: location.uid,
              part,
              timeoutMs: tuning.commandTimeoutMs,
            }),
          { urgent: true },
        );
      } catch (err) {
        if (isUnreachable(err)) {
          accounts.failed(location.accountId, err);
          throw new PostinoError('offline', `The server of this message cannot be reached: ${err.message}`);
        }
        throw err;
      }
    },
    status: () => accounts.all(),
    async idle() {
      // In this order: an account run starts body passes, and both start folder runs.
      await accountRuns.idle();
      await folderRuns.idle();
      await bodyRuns.idle();
    },
    async forgetAccount(accountId) {
      retries.reset(accountId);
      foldersByAccount.delete(accountId);
      accounts.forget(accountId);
      await pool.closeAccount(accountId);
    },
    async close() {
      closing = true;
      retries.cancelAll();
      await pool.close();
      // Work still running fails fast on the closed pool; wait for it so nothing touches the cache afterwards.
      await engine.idle().catch(() => undefined);
      await parser.close();
    },
  };
  return engine;
}

/** The selectable folders, Inbox first and the least important last. */
function syncOrder<F extends RemoteFolder>(folders: F[]): F[] {
  const rank = (role: FolderRole | null): number => (role === null ? NO_ROLE_ORDER : ROLE_ORDER[role]);
  return folders.filter((folder) => folder.selectable).sort((a, b) => rank(a.role) - rank(b.role));
}
