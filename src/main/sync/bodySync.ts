/**
 * Bodies for offline reading: fetch only the text parts the BODYSTRUCTURE named, parse them in the worker pool
 * while the next ones are still arriving, and cache them in batches. Attachments stay on the server until opened.
 *
 * The pass is a pipeline with three stages on different resources: the bodies connection streams one round's text
 * parts, the parse workers decode and sanitise the previous chunks, and the main thread writes parsed bodies in
 * transactions of WRITE_BATCH. The next round is asked of the server as soon as the previous FETCH has ended, not
 * when its bodies are written; at most two rounds are in memory at once.
 */
import { fetchTextParts, type FetchedTextPart } from '../imap/ops/fetchTextParts';
import type { ImapPool } from '../imap/pool';
import type { FolderRef } from './folderSync';
import { parseBody, type RawTextPart } from './parseBody';
import type { ParsePool } from './parsePool';
import type { ParsedBody, SyncSink, TextPart } from './sink';

export interface BodySyncContext {
  sink: SyncSink;
  pool: ImapPool;
  parser: ParsePool;
  /** Messages asked of the sink (and fetched) per round. */
  bodyBatchSize: number;
  commandTimeoutMs: number;
  /** True once the engine is closing: a body pass stops between rounds. */
  stopped(): boolean;
}

export interface WantedBody {
  messageId: number;
  uid: number;
  textParts: TextPart[];
}

/** Messages handed to a worker at once: enough to pay for the message passing, few enough to keep workers busy. */
const PARSE_CHUNK = 25;

/**
 * Bodies per write transaction. A transaction per body spent most of the pass committing; past a hundred the
 * commit is a small share, and a write this size still holds the main thread for only a few milliseconds.
 */
const WRITE_BATCH = 100;

const EMPTY_BODY: ParsedBody = { text: null, html: null, hasRemoteContent: false, snippet: '' };

interface Round {
  /** Settles when the server has sent the round's parts: the connection is free for the next round. */
  fetched: Promise<void>;
  /** Settles when every body that arrived is parsed and written; the ids of the stored ones. */
  stored: Promise<Set<number>>;
}

/** Caches every wanted body of the folder newer than `sinceDate`, newest first; returns how many were cached. */
export async function syncFolderBodies(ctx: BodySyncContext, folder: FolderRef, sinceDate: number): Promise<number> {
  // Messages the server did not return (expunged since the header sync) stay wanted until the next resync drops
  // them; they are skipped here so the loop ends. Messages of a round still being written are skipped too.
  const missing = new Set<number>();
  const inFlight = new Set<number>();
  // Rounds fetched whose bodies are still being parsed and written, oldest first.
  const writing: Array<Promise<void>> = [];
  let cached = 0;
  const settle = (wanted: readonly WantedBody[], stored: Set<number>): void => {
    for (const body of wanted) {
      inFlight.delete(body.messageId);
      if (!stored.has(body.messageId)) missing.add(body.messageId);
    }
    cached += stored.size;
  };
  try {
    for (let round = 0; !ctx.stopped(); round++) {
      const wanted = ctx.sink
        .bodiesWanted(folder.folderId, sinceDate, ctx.bodyBatchSize + missing.size + inFlight.size)
        .filter((body) => !missing.has(body.messageId) && !inFlight.has(body.messageId))
        .slice(0, ctx.bodyBatchSize);
      if (wanted.length === 0) {
        if (writing.length === 0) break;
        // Everything left is still being written: once it is, what the server did not send counts as missing.
        await writing.shift();
        continue;
      }
      for (const body of wanted) inFlight.add(body.messageId);
      // The first round of a pass selects the folder afresh; the following ones trust that selection.
      const { fetched, stored } = startRound(ctx, folder, wanted, { reselect: round === 0 });
      const written = stored.then((ids) => settle(wanted, ids));
      // Awaited below or in `finally`; until then a failure must not count as unhandled.
      written.catch(() => undefined);
      writing.push(written);
      await fetched;
      if (writing.length > 1) await writing.shift();
    }
  } finally {
    // Whatever ends the pass, nothing it started may still write afterwards (the engine closes the store next).
    await Promise.allSettled(writing);
  }
  await Promise.all(writing);
  return cached;
}

/** Fetches, parses and caches the given bodies; returns the ids of the messages whose body was stored. */
export async function fetchAndStoreBodies(
  ctx: BodySyncContext,
  folder: FolderRef,
  wanted: readonly WantedBody[],
  options: { urgent?: boolean; reselect?: boolean } = {},
): Promise<Set<number>> {
  const { fetched, stored } = startRound(ctx, folder, wanted, options);
  await fetched.catch(() => undefined);
  const ids = await stored;
  await fetched;
  return ids;
}

/** One round: a FETCH of the wanted text parts, parse chunks in the workers, writes in batches as they are parsed. */
function startRound(
  ctx: BodySyncContext,
  folder: FolderRef,
  wanted: readonly WantedBody[],
  options: { urgent?: boolean; reselect?: boolean },
): Round {
  const writer = createBatchWriter(ctx.sink);
  for (const body of wanted) if (body.textParts.length === 0) writer.add(body.messageId, EMPTY_BODY);
  const byUid = new Map(wanted.filter((body) => body.textParts.length > 0).map((body) => [body.uid, body]));
  if (byUid.size === 0) return { fetched: Promise.resolve(), stored: Promise.resolve(writer.finish()) };

  const parsing: Array<Promise<void>> = [];
  let chunk: Array<{ messageId: number; parts: RawTextPart[] }> = [];
  const flush = (): void => {
    if (chunk.length === 0) return;
    const batch = chunk;
    chunk = [];
    const bodies = ctx.parser
      .parse(batch.map((entry) => entry.parts))
      // A crashed worker must not cost the bodies: parse them here instead, slower but complete.
      .catch(() => batch.map((entry) => parseBody(entry.parts)));
    parsing.push(bodies.then((parsed) => parsed.forEach((body, i) => writer.add(batch[i]!.messageId, body))));
  };
  const onMessage = (uid: number, parts: FetchedTextPart[]): void => {
    const body = byUid.get(uid);
    if (!body) return;
    chunk.push({ messageId: body.messageId, parts });
    if (chunk.length >= PARSE_CHUNK) flush();
  };
  const fetched = ctx.pool
    .run(
      folder.accountId,
      'bodies',
      (client) =>
        fetchTextParts(
          client,
          {
            path: folder.path,
            uidValidity: ctx.sink.getFolderState(folder.folderId).uidValidity,
            messages: [...byUid.values()],
            reselect: options.reselect,
            timeoutMs: ctx.commandTimeoutMs,
          },
          onMessage,
        ),
      { urgent: options.urgent },
    )
    // What arrived before a failure is parsed and kept all the same.
    .finally(flush);
  const stored = fetched
    .catch(() => undefined)
    .then(() => Promise.all(parsing))
    .then(() => writer.finish());
  return { fetched, stored };
}

interface BatchWriter {
  add(messageId: number, body: ParsedBody): void;
  /** Writes what is left; returns the ids of every body stored. */
  finish(): Set<number>;
}

function createBatchWriter(sink: SyncSink): BatchWriter {
  const stored = new Set<number>();
  let pending: Array<{ messageId: number; body: ParsedBody }> = [];
  const write = (): void => {
    const batch = pending;
    pending = [];
    if (batch.length > 0) for (const id of sink.applyBodies(batch)) stored.add(id);
  };
  return {
    add(messageId, body) {
      pending.push({ messageId, body });
      if (pending.length >= WRITE_BATCH) write();
    },
    finish() {
      write();
      return stored;
    },
  };
}
