/**
 * One folder's headers, cache made equal to the server. Newest first: the first small batch makes the list usable
 * at once, even in a 100,000-message folder; larger batches follow, each fetched while the previous one is stored.
 * Every step is idempotent, so a sync that dies half-way is simply run again.
 */
import { fetchChanges, type FolderChanges, type KnownFolder } from '../imap/ops/fetchChanges';
import { fetchHeaders } from '../imap/ops/fetchHeaders';
import { streamHeaders } from '../imap/ops/streamHeaders';
import type { ImapPool } from '../imap/pool';
import { ResponseFormatError } from '../imap/responseReader';
import { batchesNewestFirst } from '../imap/uidSet';
import type { HeaderRecord, SyncSink } from './sink';

export interface FolderRef {
  accountId: string;
  folderId: number;
  path: string;
}

export interface HeaderSyncTuning {
  /** Headers in the first batch: what the list shows before anything else arrives. */
  firstBatchSize: number;
  /** Headers per batch after the first. */
  batchSize: number;
  /** Headers left after the first batch from which they come through the header stream (ops/streamHeaders.ts). */
  streamFrom: number;
  /** UIDs per UID FETCH command of the header stream. */
  streamChunkSize: number;
  /** Headers per transaction of the header stream: short ones let the socket be read between them. */
  streamBatchSize: number;
  commandTimeoutMs: number;
}

export interface FolderSyncContext {
  sink: SyncSink;
  pool: ImapPool;
  now: () => number;
  tuning: HeaderSyncTuning;
  log: Pick<Console, 'warn'>;
  onProgress(done: number, total: number): void;
}

export interface FolderSyncResult {
  /** True for a folder's first sync (or the resumption of an interrupted one): its messages are not "new mail". */
  initial: boolean;
  newMessageIds: number[];
}

export async function syncFolderHeaders(ctx: FolderSyncContext, folder: FolderRef): Promise<FolderSyncResult> {
  const { sink, pool, tuning } = ctx;
  const state = sink.getFolderState(folder.folderId);
  let known: KnownFolder = {
    uidValidity: state.uidValidity,
    uidNext: state.uidNext,
    highestModseq: state.highestModseq,
    complete: state.lastSyncedAt !== null,
    cachedUids: sink.cachedUids(folder.folderId),
  };
  const compare = (): Promise<FolderChanges> =>
    pool.run(folder.accountId, 'sync', (client) =>
      fetchChanges(client, { path: folder.path, known, timeoutMs: tuning.commandTimeoutMs }),
    );
  let changes = await compare();
  if (changes.uidValidityChanged) {
    // RFC 3501 §2.3.1.1: the folder was recreated (or the server rebuilt it); every cached UID, and the body cached
    // under it, may now name a different message. Drop them all and start over.
    sink.resetFolder(folder.folderId, changes.mailbox.uidValidity);
    known = { uidValidity: changes.mailbox.uidValidity, uidNext: null, highestModseq: null, complete: false, cachedUids: [] };
    changes = await compare();
  }
  const { mailbox } = changes;
  if (known.uidValidity === null) {
    // Stored before the first header, so an interrupted first sync still notices a UIDVALIDITY change on resume.
    sink.setFolderState(folder.folderId, { uidValidity: mailbox.uidValidity });
  }
  if (changes.vanishedUids.length > 0) sink.applyExpunge(folder.folderId, changes.vanishedUids);
  if (changes.flagChanges.length > 0) sink.applyFlagChanges(folder.folderId, changes.flagChanges);

  const newMessageIds = await fetchNewHeaders(ctx, folder, changes.newUids);
  const highestFetched = changes.newUids[changes.newUids.length - 1] ?? 0;
  sink.setFolderState(folder.folderId, {
    uidValidity: mailbox.uidValidity,
    uidNext: Math.max(mailbox.uidNext, highestFetched + 1),
    highestModseq: mailbox.highestModseq,
    lastSyncedAt: ctx.now(),
  });
  return { initial: !known.complete, newMessageIds };
}

/**
 * Newest first: the first small batch through imapflow, so the list fills at once. A big remainder then comes through
 * the header stream (about a third of the CPU per header; it uses the lane's connection up), a small one in batches,
 * each fetched while the previous one is stored.
 */
async function fetchNewHeaders(ctx: FolderSyncContext, folder: FolderRef, newUids: number[]): Promise<number[]> {
  const { sink, tuning } = ctx;
  const newMessageIds: number[] = [];
  let done = 0;
  const store = (records: HeaderRecord[], uidCount = records.length): void => {
    newMessageIds.push(...sink.applyNewMessages(folder.folderId, records));
    done += uidCount;
    ctx.onProgress(done, newUids.length);
  };
  ctx.onProgress(0, newUids.length);
  const restCount = Math.max(0, newUids.length - tuning.firstBatchSize);
  if (restCount < tuning.streamFrom) {
    await fetchInBatches(ctx, folder, newUids, store);
    return newMessageIds;
  }
  await fetchInBatches(ctx, folder, newUids.slice(restCount), store);
  const rest = newUids.slice(0, restCount);
  const streamed = new Set<number>();
  try {
    await ctx.pool.run(folder.accountId, 'sync', (client) =>
      streamHeaders(client, {
        path: folder.path,
        uids: rest,
        batchSize: tuning.streamBatchSize,
        chunkSize: tuning.streamChunkSize,
        timeoutMs: tuning.commandTimeoutMs,
        onBatch: (records) => {
          for (const record of records) streamed.add(record.uid);
          store(records);
        },
      }),
    );
  } catch (err) {
    if (!(err instanceof ResponseFormatError)) throw err;
    // A server whose answers the stream's reader cannot follow still gets the rest of its folder, through imapflow.
    ctx.log.warn(`sync: the header stream of ${folder.path} stopped (${err.message}); the rest comes in batches`);
    await fetchInBatches(ctx, folder, rest.filter((uid) => !streamed.has(uid)), store);
  }
  // Messages expunged while the stream ran are simply not there: the progress still ends at its total.
  if (done < newUids.length) ctx.onProgress(newUids.length, newUids.length);
  return newMessageIds;
}

/** Batches newest first; while one batch is written to the cache, the next is already on the wire. */
async function fetchInBatches(
  ctx: FolderSyncContext,
  folder: FolderRef,
  uids: number[],
  store: (records: HeaderRecord[], uidCount: number) => void,
): Promise<void> {
  const { pool, tuning } = ctx;
  const batches = batchesNewestFirst(uids, tuning.firstBatchSize, tuning.batchSize);
  const fetchBatch = (batch: number[]): Promise<HeaderRecord[]> => {
    const fetching = pool.run(folder.accountId, 'sync', (client) =>
      fetchHeaders(client, { path: folder.path, uids: batch, timeoutMs: tuning.commandTimeoutMs }),
    );
    // Observed when awaited; until then a failure must not count as unhandled.
    fetching.catch(() => undefined);
    return fetching;
  };
  let pending = batches[0] ? fetchBatch(batches[0]) : null;
  for (let i = 0; pending !== null; i++) {
    const records = await pending;
    const nextBatch = batches[i + 1];
    if (nextBatch) {
      pending = fetchBatch(nextBatch);
      // Let the next UID FETCH reach the socket before the (synchronous) cache write below holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      pending = null;
    }
    store(records, batches[i]?.length ?? 0);
  }
}
