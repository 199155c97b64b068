import { EventEmitter } from 'node:events';
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { PostinoError } from '../../shared/errors';
import type { ImapEndpoint } from '../imap/connect';
import { createFakeTime, type FakeTime } from '../scheduler/fakeTime';
import { reconnectDelayMs } from './idleTiming';
import { createIdleWatcher, type IdleWatcher, type InboxRef } from './idleWatcher';

/** Stands in for an ImapFlow connection: the watcher only selects, idles, listens and logs out. */
class FakeConnection extends EventEmitter {
  usable = true;
  host = '127.0.0.1';
  port = 993;
  maxIdleTime: number | false = false;
  selected: string[] = [];
  idleCalls = 0;
  loggedOut = false;

  async mailboxOpen(path: string): Promise<void> {
    this.selected.push(path);
  }
  async idle(): Promise<void> {
    this.idleCalls++;
  }
  async logout(): Promise<void> {
    this.loggedOut = true;
    this.close();
  }
  close(): void {
    if (!this.usable) return;
    this.usable = false;
    this.emit('close');
  }
}

const INBOX: InboxRef = { folderId: 7, path: 'INBOX' };
const ENDPOINT: ImapEndpoint = { host: '127.0.0.1', port: 993, security: 'tls', username: 'u', password: 'p', pinnedCertSha256: null };

interface Harness {
  time: FakeTime;
  watcher: IdleWatcher;
  connections: FakeConnection[];
  /** Fake-clock times of every connection attempt. */
  attempts: number[];
  changes: Array<[string, number]>;
  warnings: string[];
  /** Whether the next connection attempts are refused. */
  refuse: { value: boolean };
  inbox: { value: InboxRef | null };
}

function harness(): Harness {
  const time = createFakeTime(1_000_000);
  const h: Omit<Harness, 'watcher'> = {
    time,
    connections: [],
    attempts: [],
    changes: [],
    warnings: [],
    refuse: { value: false },
    inbox: { value: INBOX },
  };
  const watcher = createIdleWatcher({
    endpointFor: async () => ENDPOINT,
    connect: async () => {
      h.attempts.push(time.now());
      if (h.refuse.value) throw new PostinoError('offline', 'connection refused');
      const connection = new FakeConnection();
      h.connections.push(connection);
      return connection as unknown as ImapFlow;
    },
    inboxOf: () => h.inbox.value,
    onChange: (accountId, folderId) => void h.changes.push([accountId, folderId]),
    log: { warn: (message: string) => void h.warnings.push(message) },
    now: time.now,
    timers: time.timers,
  });
  return { ...h, watcher };
}

describe('idle timing', () => {
  it('idle: reconnect delays double from 5 s and never exceed 5 minutes', () => {
    const backoff = { firstMs: 5_000, maxMs: 300_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((failures) => reconnectDelayMs(failures, backoff))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });
});

describe('idle watcher', () => {
  it('idle: holding an account selects its Inbox, starts IDLE and asks for one catch-up sync', async () => {
    const h = harness();
    h.watcher.hold('a1');
    await h.time.advance(0);
    expect(h.connections).toHaveLength(1);
    expect(h.connections[0]?.selected).toEqual(['INBOX']);
    expect(h.connections[0]?.idleCalls).toBe(1);
    expect(h.connections[0]?.maxIdleTime).toBeLessThan(29 * 60_000);
    await h.time.advance(300);
    expect(h.changes).toEqual([['a1', 7]]);
    await h.watcher.close();
  });

  it('idle: a burst of exists, expunge and flags events gives one onChange once the server is quiet for 300 ms', async () => {
    const h = harness();
    h.watcher.hold('a1');
    await h.time.advance(300);
    h.changes.length = 0;
    const connection = h.connections[0]!;
    for (const event of ['exists', 'expunge', 'flags', 'exists']) {
      connection.emit(event, {});
      await h.time.advance(100);
    }
    await h.time.advance(199);
    expect(h.changes).toEqual([]);
    await h.time.advance(1);
    expect(h.changes).toEqual([['a1', 7]]);
    await h.time.advance(10_000);
    expect(h.changes).toHaveLength(1);
    await h.watcher.close();
  });

  it('idle: a server that stays down is asked again after 5, 10, 20 s … and then every 5 minutes, never sooner', async () => {
    const h = harness();
    h.refuse.value = true;
    const start = h.time.now();
    h.watcher.hold('a1');
    await h.time.advance(20 * 60_000);
    const gaps = h.attempts.map((at, i) => at - (h.attempts[i - 1] ?? start));
    expect(gaps.slice(0, 9)).toEqual([0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(h.warnings.length).toBe(h.attempts.length);
    await h.watcher.close();
  });

  it('idle: a dropped connection is reopened by itself, and after a long healthy session the wait starts again at 5 s', async () => {
    const h = harness();
    h.refuse.value = true;
    h.watcher.hold('a1');
    await h.time.advance(5_000 + 10_000); // two refusals: the next wait would be 20 s
    h.refuse.value = false;
    await h.time.advance(20_000);
    expect(h.connections).toHaveLength(1);

    await h.time.advance(2 * 60_000); // healthy for two minutes
    h.connections[0]!.close();
    await h.time.advance(4_999);
    expect(h.connections).toHaveLength(1);
    await h.time.advance(1);
    expect(h.connections).toHaveLength(2);
    expect(h.connections[1]?.idleCalls).toBe(1);
    await h.watcher.close();
  });

  it('idle: a connection that drops right after each SELECT is reopened on the widening schedule, not in a loop', async () => {
    const h = harness();
    h.watcher.hold('a1');
    for (let round = 0; round < 4; round++) {
      await h.time.advance(0);
      h.connections.at(-1)!.close();
      await h.time.advance(round === 3 ? 0 : reconnectDelayMs(round + 1, { firstMs: 5_000, maxMs: 300_000 }));
    }
    expect(h.attempts.map((at) => at - h.attempts[0]!)).toEqual([0, 5_000, 15_000, 35_000]);
    await h.watcher.close();
  });

  it('idle: release logs the connection out, and no reconnect or onChange follows', async () => {
    const h = harness();
    h.watcher.hold('a1');
    await h.time.advance(300);
    h.connections[0]!.emit('exists', {});
    await h.watcher.release('a1');
    expect(h.connections[0]?.loggedOut).toBe(true);
    await h.time.advance(10 * 60_000);
    expect(h.connections).toHaveLength(1);
    expect(h.changes).toHaveLength(1); // the catch-up only: the pending burst was cancelled
    expect(h.warnings).toEqual([]);
  });

  it('idle: release during a pending reconnect cancels it', async () => {
    const h = harness();
    h.refuse.value = true;
    h.watcher.hold('a1');
    await h.time.advance(0);
    expect(h.time.pendingDelays()).toEqual([5_000]);
    await h.watcher.release('a1');
    expect(h.time.pendingDelays()).toEqual([]);
    h.refuse.value = false;
    await h.time.advance(10 * 60_000);
    expect(h.attempts).toHaveLength(1);
  });

  it('idle: an account whose Inbox is not known yet is not connected, and is tried again once it is', async () => {
    const h = harness();
    h.inbox.value = null;
    h.watcher.hold('a1');
    await h.time.advance(4_999);
    expect(h.attempts).toEqual([]);
    h.inbox.value = INBOX;
    await h.time.advance(1);
    expect(h.connections).toHaveLength(1);
    await h.watcher.close();
  });

  it('idle: holding twice keeps one connection, and hold after close does nothing', async () => {
    const h = harness();
    h.watcher.hold('a1');
    h.watcher.hold('a1');
    await h.time.advance(0);
    expect(h.connections).toHaveLength(1);
    await h.watcher.close();
    h.watcher.hold('a2');
    await h.time.advance(60_000);
    expect(h.connections).toHaveLength(1);
    expect(h.connections[0]?.loggedOut).toBe(true);
  });

  it('idle: a failing onChange is logged and the watch goes on', async () => {
    const time = createFakeTime(0);
    const warnings: string[] = [];
    const connection = new FakeConnection();
    const watcher = createIdleWatcher({
      endpointFor: async () => ENDPOINT,
      connect: async () => connection as unknown as ImapFlow,
      inboxOf: () => INBOX,
      onChange: async () => {
        throw new PostinoError('offline', 'sync failed');
      },
      log: { warn: (message: string) => void warnings.push(message) },
      now: time.now,
      timers: time.timers,
    });
    watcher.hold('a1');
    await time.advance(300);
    expect(warnings).toHaveLength(1);
    expect(connection.usable).toBe(true);
    await watcher.close();
  });
});
