/**
 * Bodies for offline reading: fetch only the text parts the BODYSTRUCTURE named, parse them in the worker pool
 * while the next ones are still arriving, and cache each one. Attachments stay on the server until opened.
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

const EMPTY_BODY: ParsedBody = { text: null, html: null, hasRemoteContent: false, snippet: '' };

/** Caches every wanted body of the folder newer than `sinceDate`, newest first; returns how many were cached. */
export async function syncFolderBodies(ctx: BodySyncContext, folder: FolderRef, sinceDate: number): Promise<number> {
  // Messages the server did not return (expunged since the header sync) stay wanted until the next resync drops
  // them; they are skipped here so the loop ends.
  const missing = new Set<number>();
  let cached = 0;
  for (let round = 0; !ctx.stopped(); round++) {
    const wanted = ctx.sink
      .bodiesWanted(folder.folderId, sinceDate, ctx.bodyBatchSize + missing.size)
      .filter((body) => !missing.has(body.messageId))
      .slice(0, ctx.bodyBatchSize);
    if (wanted.length === 0) return cached;
    // The first round of a pass selects the folder afresh; the following ones trust that selection.
    const stored = await fetchAndStoreBodies(ctx, folder, wanted, { reselect: round === 0 });
    for (const body of wanted) if (!stored.has(body.messageId)) missing.add(body.messageId);
    cached += stored.size;
  }
  return cached;
}

/** Fetches, parses and caches the given bodies; returns the ids of the messages whose body was stored. */
export async function fetchAndStoreBodies(
  ctx: BodySyncContext,
  folder: FolderRef,
  wanted: readonly WantedBody[],
  options: { urgent?: boolean; reselect?: boolean } = {},
): Promise<Set<number>> {
  const stored = new Set<number>();
  for (const body of wanted) {
    if (body.textParts.length > 0) continue;
    ctx.sink.applyBody(body.messageId, EMPTY_BODY);
    stored.add(body.messageId);
  }
  const byUid = new Map(wanted.filter((body) => body.textParts.length > 0).map((body) => [body.uid, body]));
  if (byUid.size === 0) return stored;

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
    parsing.push(
      bodies.then((parsed) => {
        parsed.forEach((body, i) => {
          const messageId = batch[i]!.messageId;
          ctx.sink.applyBody(messageId, body);
          stored.add(messageId);
        });
      }),
    );
  };
  const onMessage = (uid: number, parts: FetchedTextPart[]): void => {
    const body = byUid.get(uid);
    if (!body) return;
    chunk.push({ messageId: body.messageId, parts });
    if (chunk.length >= PARSE_CHUNK) flush();
  };
  try {
    await ctx.pool.run(
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
    );
  } finally {
    // What arrived before a failure is parsed and kept all the same.
    flush();
    await Promise.all(parsing);
  }
  return stored;
}
