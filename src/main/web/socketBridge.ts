/**
 * Web mode's API: one WebSocket per page on `/api`. A request `{ id, channel, args }` is answered with
 * `{ id, result }` (a Result, so an error keeps its code); every core event is pushed as `{ event, payload }`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../shared/api';
import { toErrorData, type Result } from '../../shared/errors';
import type { Dispatch } from '../core/dispatch';
import type { CoreEvents } from '../core/events';
import { isAllowedHost, isAuthorised, isOwnOrigin } from './access';

export interface SocketBridgeOptions {
  events: CoreEvents;
  dispatch: Dispatch;
  port: number;
  token: string;
  path: string;
}

export interface SocketBridge {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Drops every connection; pages reconnect by themselves if the server comes back. */
  close(): void;
}

/** Requests are small (ids, queries, settings); a composer sending attachments fits well inside this. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

type RequestId = number | string;
type Outgoing = { id: RequestId | null; result: Result<unknown> } | { event: string; payload: unknown };

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const { events, dispatch, port, token, path } = options;
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://placeholder');
      const { host, origin, cookie } = request.headers;
      if (url.pathname !== path) return refuse(socket, '404 Not Found');
      const allowed =
        isAllowedHost(host, port) &&
        isOwnOrigin(origin, host, port) &&
        isAuthorised({ cookieHeader: cookie, queryToken: url.searchParams.get('token') }, port, token);
      if (!allowed) return refuse(socket, '403 Forbidden');
      server.handleUpgrade(request, socket, head, (connection) => serve(connection, events, dispatch));
    },
    close() {
      for (const connection of server.clients) connection.terminate();
      server.close();
    },
  };
}

function serve(connection: WebSocket, events: CoreEvents, dispatch: Dispatch): void {
  const send = (message: Outgoing) => {
    if (connection.readyState !== connection.OPEN) return;
    connection.send(JSON.stringify(message));
  };
  const unsubscribers = EVENT_NAMES.map((event) => events.on(event, (payload) => send({ event, payload })));
  connection.on('close', () => unsubscribers.forEach((unsubscribe) => unsubscribe()));
  connection.on('error', (err) => console.error('Postino web mode: WebSocket error', err));

  connection.on('message', (data, isBinary) => {
    const request = isBinary ? malformed(null) : parseRequest(data);
    if (request.malformed) {
      send({ id: request.id, result: { ok: false, error: { code: 'invalid-input', message: 'Malformed request' } } });
      return;
    }
    void dispatch(request.channel, request.args).then((result) => {
      try {
        send({ id: request.id, result });
      } catch (err) {
        // A value JSON cannot carry (a BigInt, a cycle) is a bug in the core; the page still gets an answer.
        send({ id: request.id, result: { ok: false, error: toErrorData(err) } });
      }
    });
  });
}

/** A well-formed request, or just the id to answer "malformed" to (null when even the id is unusable). */
type ParsedRequest =
  | { malformed: false; id: RequestId; channel: string; args: unknown[] }
  | { malformed: true; id: RequestId | null };

function parseRequest(data: RawData): ParsedRequest {
  let message: unknown;
  try {
    message = JSON.parse(data.toString());
  } catch {
    return malformed(null);
  }
  if (typeof message !== 'object' || message === null) return malformed(null);
  const { id, channel, args } = message as Record<string, unknown>;
  if (typeof id !== 'number' && typeof id !== 'string') return malformed(null);
  if (typeof channel !== 'string' || !Array.isArray(args)) return malformed(id);
  return { malformed: false, id, channel, args };
}

function malformed(id: RequestId | null): ParsedRequest {
  return { malformed: true, id };
}

function refuse(socket: Duplex, status: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
