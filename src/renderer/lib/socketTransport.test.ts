import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeRecord } from '../../shared/types';
import { createSocketTransport, socketUrl, type SocketLike } from './socketTransport';

/** A stand-in for the browser's WebSocket: the test plays the server's side. */
class StandInSocket implements SocketLike {
  readyState = 0;
  readonly sent: Array<{ id: number; channel: string; args: unknown[] }> = [];
  private readonly handlers = new Map<string, Array<(event: { data: unknown }) => void>>();

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  open(): void {
    this.readyState = 1;
    this.fire('open');
  }
  drop(): void {
    this.readyState = 3;
    this.fire('close');
  }
  push(message: unknown): void {
    this.pushFrame(JSON.stringify(message));
  }
  pushFrame(data: string): void {
    this.fire('message', { data });
  }
  private fire(type: string, event: { data: unknown } = { data: undefined }): void {
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }
}

describe('createSocketTransport', () => {
  let sockets: StandInSocket[];
  const openSocket = vi.fn((_url: string) => {
    const socket = new StandInSocket();
    sockets.push(socket);
    return socket;
  });
  const latest = () => sockets[sockets.length - 1]!;

  beforeEach(() => {
    sockets = [];
    openSocket.mockClear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects to /api on the page origin, ws for http and wss for https', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4870' })).toBe('ws://127.0.0.1:4870/api');
    expect(socketUrl({ protocol: 'https:', host: 'mail.example' })).toBe('wss://mail.example/api');
    createSocketTransport({ url: 'ws://127.0.0.1:4870/api', openSocket });
    expect(openSocket).toHaveBeenCalledWith('ws://127.0.0.1:4870/api');
  });

  it('sends requests made before the socket opens once it opens, and matches answers by id', async () => {
    const transport = createSocketTransport({ url: 'ws://x/api', openSocket });
    const first = transport.invoke('settings:get');
    const second = transport.invoke('folders:list', 'a1');
    expect(latest().sent).toEqual([]);

    latest().open();
    expect(latest().sent).toEqual([
      { id: 1, channel: 'settings:get', args: [] },
      { id: 2, channel: 'folders:list', args: ['a1'] },
    ]);
    latest().push({ id: 2, result: { ok: true, value: ['folders'] } });
    latest().push({ id: 1, result: { ok: false, error: { code: 'not-found', message: 'gone' } } });

    await expect(second).resolves.toEqual({ ok: true, value: ['folders'] });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
  });

  it('delivers pushed events to their listeners until they unsubscribe', () => {
    const transport = createSocketTransport({ url: 'ws://x/api', openSocket });
    const listener = vi.fn();
    const other = vi.fn();
    const unsubscribe = transport.on('store:changed', listener);
    transport.on('mail:new', other);
    latest().open();
    const change: ChangeRecord = { entity: 'folder', kind: 'update', ids: [1] };

    latest().push({ event: 'store:changed', payload: change });
    unsubscribe();
    latest().push({ event: 'store:changed', payload: change });

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(change);
    expect(other).not.toHaveBeenCalled();
  });

  it('answers a request in flight with server-dropped and an unsent one with offline when the socket closes', async () => {
    const transport = createSocketTransport({ url: 'ws://x/api', openSocket });
    latest().open();
    const inFlight = transport.invoke('sync:status');
    latest().drop();
    const unsent = transport.invoke('sync:status');
    vi.advanceTimersByTime(250);
    latest().drop();

    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'server-dropped' } });
    await expect(unsent).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('reconnects with delays that double up to the maximum, and starts over after a success', () => {
    createSocketTransport({ url: 'ws://x/api', openSocket, firstRetryMs: 100, maxRetryMs: 350 });
    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      latest().drop();
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 350, 350]);

    latest().open();
    latest().drop();
    vi.advanceTimersByTime(99);
    const count = sockets.length;
    vi.advanceTimersByTime(1);
    expect(sockets.length).toBe(count + 1);
  });

  it('ignores frames that are not JSON or answer no pending request', async () => {
    const transport = createSocketTransport({ url: 'ws://x/api', openSocket });
    latest().open();
    const request = transport.invoke('settings:get');
    latest().push({ id: 99, result: { ok: true, value: 'stray' } });
    latest().pushFrame('{oops');
    latest().push({ id: 1, result: { ok: true, value: 'mine' } });
    await expect(request).resolves.toEqual({ ok: true, value: 'mine' });
  });
});
