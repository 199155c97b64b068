/**
 * Web mode's transport: one WebSocket to `/api` on the page's own origin (the session cookie rides along), with
 * request ids, and reconnection with growing delays when the server goes away.
 */
import type { Channel, EventMap, EventName, PostinoTransport } from '../../shared/api';
import type { ErrorCode, Result } from '../../shared/errors';

/** The part of the browser's WebSocket this client uses; tests hand in a stand-in. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface SocketTransportOptions {
  url: string;
  openSocket: (url: string) => SocketLike;
  /** The first reconnection waits `firstRetryMs`, each next one twice as long, never more than `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/** `WebSocket.OPEN`, spelt out so the stand-in needs no browser globals. */
const OPEN = 1;

type Listener = (payload: unknown) => void;

/** `ws://host/api` for a page at `http://host/…` (wss for https). */
export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api`;
}

interface Pending {
  message: string;
  sent: boolean;
  answer: (result: Result<unknown>) => void;
}

export function createSocketTransport(options: SocketTransportOptions): PostinoTransport {
  const { url, openSocket, firstRetryMs = 250, maxRetryMs = 10_000 } = options;
  const listeners = new Map<EventName, Set<Listener>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failedAttempts = 0;
  let socket = connect();

  function connect(): SocketLike {
    const opened = openSocket(url);
    opened.addEventListener('open', () => {
      failedAttempts = 0;
      for (const request of pending.values()) {
        if (request.sent) continue;
        opened.send(request.message);
        request.sent = true;
      }
    });
    opened.addEventListener('message', (event) => receive(event.data));
    opened.addEventListener('close', () => {
      // Every request gets an answer now, so no screen waits on a server that is gone: one already sent may or
      // may not have run (server-dropped), one never sent certainly did not (offline).
      for (const request of pending.values()) {
        const code: ErrorCode = request.sent ? 'server-dropped' : 'offline';
        request.answer({ ok: false, error: { code, message: 'The connection to Postino is closed' } });
      }
      pending.clear();
      const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failedAttempts);
      failedAttempts += 1;
      setTimeout(() => (socket = connect()), delay);
    });
    return opened;
  }

  function receive(data: unknown): void {
    let message: { id?: unknown; result?: Result<unknown>; event?: EventName; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (message.event !== undefined) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    } else if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.answer(message.result);
      pending.delete(message.id);
    }
  }

  return {
    invoke(channel: Channel, ...args: unknown[]) {
      const id = nextId++;
      const message = JSON.stringify({ id, channel, args });
      return new Promise<Result<unknown>>((answer) => {
        const sent = socket.readyState === OPEN;
        pending.set(id, { message, sent, answer });
        if (sent) socket.send(message);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const eventListeners = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, eventListeners);
      eventListeners.add(listener as Listener);
      return () => void eventListeners.delete(listener as Listener);
    },
  };
}
