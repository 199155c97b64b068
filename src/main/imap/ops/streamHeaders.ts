/**
 * The headers of a big folder's first sync, streamed. The folder is selected through imapflow as always; then the
 * connection leaves imapflow (`unbind`), the same UID FETCH as fetchHeaders.ts goes out in chunks of UIDs, newest
 * chunk first, and responseReader.ts reads the answers, envelopeReader.ts their ENVELOPE and BODYSTRUCTURE, the way
 * imapflow's own readers do: a header means exactly what it means on the imapflow path, for about a third of the CPU,
 * and for a 100,000-message folder that CPU was most of the sync.
 *
 * The connection is used up: it ends with LOGOUT, and the pool opens a new one for the lane's next operation.
 */
import type { Duplex } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import type { HeaderRecord } from '../../sync/sink';
import { classifyError } from '../classifyError';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { HEADER_ITEMS, toHeaderRecord, type HeaderFetch } from '../headerRecord';
import { logoutSocket } from '../logout';
import { lockMailbox } from '../mailbox';
import { readBodyStructure, readEnvelope, textOf } from '../envelopeReader';
import { ResponseReader, type ResponseLine, type Token } from '../responseReader';
import { batchesNewestFirst, compactUids } from '../uidSet';

export interface StreamHeadersArgs {
  path: string;
  /** Ascending UIDs; messages expunged meanwhile are simply absent from the batches. */
  uids: readonly number[];
  /** Records per `onBatch` call. */
  batchSize: number;
  /** UIDs per UID FETCH command: the chunks go out newest first, so the newest mail lands first. */
  chunkSize: number;
  timeoutMs?: number;
  /** Stores one batch. Runs synchronously: the stream waits for it (TCP holds the server back meanwhile). */
  onBatch(records: HeaderRecord[]): void;
}

export async function streamHeaders(client: ImapFlow, args: StreamHeadersArgs): Promise<void> {
  if (args.uids.length === 0) return;
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const place = { protocol: 'IMAP', host: client.host, port: client.port } as const;
  const lock = await withDeadline(client, `SELECT ${args.path}`, timeoutMs, () => lockMailbox(client, args.path));
  // imapflow asks for MODSEQ on the same condition (commands/fetch.js).
  const withModseq = client.enabled.has('CONDSTORE') && client.mailbox !== false && !client.mailbox.noModseq;
  const { readSocket, writeSocket, socket } = client.unbind();
  lock.release();
  const commands = fetchCommands(args.uids, args.chunkSize, withModseq);
  try {
    await new Promise<void>((resolve, reject) => {
      const what = `UID FETCH headers in ${args.path}`;
      let pending: HeaderRecord[] = [];
      let current = 0;
      const flush = (): void => {
        const batch = pending;
        pending = [];
        if (batch.length > 0) args.onBatch(batch);
      };
      const onLine = (line: ResponseLine): void => {
        const [tag, second, third] = line;
        if (tag === '*') {
          const record = third === 'FETCH' && Array.isArray(line[3]) ? headerRecordOf(line[3]) : null;
          if (record) pending.push(record);
          if (pending.length >= args.batchSize) flush();
          return;
        }
        if (tag !== commands[current]?.tag) return;
        if (second !== 'OK') {
          throw new PostinoError('server-refused', `${what}: the server answered ${textOf(second)} ${textOf(line[2])}`);
        }
        current += 1;
        const next = commands[current];
        if (next) send(writeSocket, `${next.tag} ${next.line}`);
        else {
          flush();
          finish();
        }
      };
      const reader = new ResponseReader(onLine);
      const onData = (chunk: Buffer): void => {
        try {
          reader.push(chunk);
        } catch (err) {
          fail(err);
        }
      };
      const onError = (err: Error): void => fail(classifyError(err, place));
      const onClose = (): void =>
        fail(new PostinoError('server-dropped', `${what}: ${client.host}:${client.port} closed the connection mid-fetch`));
      const onTimeout = (): void =>
        fail(new PostinoError('timeout', `${what}: ${client.host}:${client.port} sent nothing for ${timeoutMs} ms`));
      const detach = (): void => {
        readSocket.off('data', onData);
        readSocket.off('error', onError);
        socket.off('error', onError);
        socket.off('close', onClose);
        socket.off('timeout', onTimeout);
        socket.setTimeout(0);
      };
      let settled = false;
      function fail(err: unknown): void {
        if (settled) return;
        settled = true;
        detach();
        socket.destroy();
        reject(err);
      }
      function finish(): void {
        settled = true;
        detach();
        resolve();
      }
      readSocket.on('data', onData);
      // unpipe() from imapflow left the socket paused, and a 'data' listener does not resume a paused stream.
      readSocket.resume();
      readSocket.on('error', onError);
      socket.on('error', onError);
      socket.on('close', onClose);
      // Silence is the measure, as for every command (deadline.ts): a long fetch streams all the way.
      socket.setTimeout(timeoutMs);
      socket.on('timeout', onTimeout);
      const first = commands[0];
      if (first) send(writeSocket, `${first.tag} ${first.line}`);
    });
  } finally {
    logoutSocket(writeSocket, socket);
  }
}

/** One tagged UID FETCH per chunk of UIDs, the newest chunk first. */
function fetchCommands(uids: readonly number[], chunkSize: number, withModseq: boolean): Array<{ tag: string; line: string }> {
  const items = `(${HEADER_ITEMS}${withModseq ? ' MODSEQ' : ''})`;
  return batchesNewestFirst(uids, chunkSize, chunkSize).map((chunk, index) => ({
    tag: `H${index + 1}`,
    line: `UID FETCH ${compactUids(chunk)} ${items}`,
  }));
}

function send(writeSocket: Duplex, line: string): void {
  writeSocket.write(`${line}\r\n`);
}

/** One FETCH response as Postino's HeaderRecord; null for an unsolicited FETCH (a flag change) without the headers. */
export function headerRecordOf(attributes: Token[]): HeaderRecord | null {
  const message: HeaderFetch = { uid: 0 };
  let hasEnvelope = false;
  for (let i = 0; i + 1 < attributes.length; i += 2) {
    const key = attributes[i];
    const value = attributes[i + 1] ?? null;
    if (typeof key !== 'string') continue;
    switch (key.toUpperCase()) {
      case 'UID':
        message.uid = Number(textOf(value));
        break;
      case 'FLAGS':
        message.flags = new Set(Array.isArray(value) ? value.map(textOf) : []);
        break;
      case 'MODSEQ':
        message.modseq = modseqOf(Array.isArray(value) ? textOf(value[0]) : '');
        break;
      case 'INTERNALDATE':
        message.internalDate = new Date(textOf(value));
        break;
      case 'RFC822.SIZE':
        message.size = Number(textOf(value)) || 0;
        break;
      case 'ENVELOPE':
        hasEnvelope = Array.isArray(value);
        if (Array.isArray(value)) message.envelope = readEnvelope(value);
        break;
      case 'BODYSTRUCTURE':
        if (Array.isArray(value)) message.bodyStructure = readBodyStructure(value);
        break;
      default:
        if (/^BODY\[HEADER\.FIELDS/i.test(key)) message.headers = Buffer.isBuffer(value) ? value : Buffer.from(textOf(value));
    }
  }
  return hasEnvelope && Number.isSafeInteger(message.uid) && message.uid > 0 ? toHeaderRecord(message) : null;
}

function modseqOf(text: string): bigint | undefined {
  return /^\d+$/.test(text) ? BigInt(text) : undefined;
}
