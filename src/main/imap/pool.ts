/**
 * At most one IMAP connection per account and lane: "sync" carries folder lists, resyncs and headers, "bodies"
 * carries the background body fetch and the reader's on-demand fetches, so opening a message never waits behind a
 * 100,000-header sync. Operations on a lane run one after another, urgent ones (the reader) before those queued;
 * a connection that died is replaced on next use.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { connectImap, type ImapEndpoint } from './connect';
import { logoutOrClose } from './logout';

export type Lane = 'sync' | 'bodies';

export interface ImapPool {
  /** Runs `work` with the lane's connection, connecting first if there is none (or it closed). */
  run<T>(accountId: string, lane: Lane, work: (client: ImapFlow) => Promise<T>, options?: { urgent?: boolean }): Promise<T>;
  /** Logs out of every connection of an account (account removed or password changed). */
  closeAccount(accountId: string): Promise<void>;
  close(): Promise<void>;
}

export interface ImapPoolDeps {
  endpointFor(accountId: string): Promise<ImapEndpoint>;
  connect?: (endpoint: ImapEndpoint) => Promise<ImapFlow>;
}

interface QueuedWork {
  start(client: ImapFlow | Error): Promise<void>;
}

interface LaneState {
  client: ImapFlow | null;
  queue: QueuedWork[];
  busy: boolean;
}

export function createImapPool(deps: ImapPoolDeps): ImapPool {
  const connect = deps.connect ?? ((endpoint: ImapEndpoint) => connectImap(endpoint));
  const lanes = new Map<string, LaneState>();
  let closed = false;

  const laneOf = (accountId: string, lane: Lane): LaneState => {
    const key = `${accountId}\u0000${lane}`;
    let state = lanes.get(key);
    if (!state) {
      state = { client: null, queue: [], busy: false };
      lanes.set(key, state);
    }
    return state;
  };

  const clientFor = async (accountId: string, state: LaneState): Promise<ImapFlow> => {
    if (state.client?.usable) return state.client;
    state.client?.close();
    state.client = null;
    const client = await connect(await deps.endpointFor(accountId));
    if (![...lanes.values()].includes(state)) {
      // The pool or the account was closed while this login ran: nobody would ever close the connection.
      await logoutOrClose(client);
      throw new PostinoError('offline', 'The IMAP connections are closed (shutting down or account removed)');
    }
    state.client = client;
    return client;
  };

  const pump = async (accountId: string, state: LaneState): Promise<void> => {
    if (state.busy) return;
    state.busy = true;
    for (let next = state.queue.shift(); next; next = state.queue.shift()) {
      // A failed connect fails only the operation that asked; the next one tries again.
      await next.start(await clientFor(accountId, state).catch((err: Error) => err));
    }
    state.busy = false;
  };

  const closeLanes = async (keys: string[]): Promise<void> => {
    await Promise.all(
      keys.map(async (key) => {
        const state = lanes.get(key);
        lanes.delete(key);
        const client = state?.client;
        if (!client) return;
        await logoutOrClose(client);
      }),
    );
  };

  return {
    run(accountId, lane, work, options = {}) {
      if (closed) return Promise.reject(new PostinoError('offline', 'The IMAP connections are closed (shutting down)'));
      const state = laneOf(accountId, lane);
      return new Promise((resolve, reject) => {
        const queued: QueuedWork = {
          start: async (client) => {
            if (client instanceof Error) return reject(client);
            await work(client).then(resolve, reject);
          },
        };
        if (options.urgent) state.queue.unshift(queued);
        else state.queue.push(queued);
        void pump(accountId, state);
      });
    },
    closeAccount: (accountId) => closeLanes([...lanes.keys()].filter((key) => key.startsWith(`${accountId}\u0000`))),
    close: () => {
      closed = true;
      return closeLanes([...lanes.keys()]);
    },
  };
}
