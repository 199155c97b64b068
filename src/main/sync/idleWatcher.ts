/**
 * "Instant new mail": one dedicated connection per held account, with its Inbox selected and IMAP IDLE running
 * (RFC 2177), so the server pushes EXISTS, EXPUNGE (VANISHED under QRESYNC) and FETCH FLAGS the moment they happen.
 * The watcher itself never fetches anything: it tells `onChange`, and the sync engine does the work on its own pool.
 * A dropped connection is reopened on a widening schedule (idleTiming.ts); release and close log out cleanly.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { connectImap, type ImapEndpoint } from '../imap/connect';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../imap/deadline';
import type { Timers } from '../scheduler/scheduler';
import { createDebouncer, DEFAULT_RECONNECT_BACKOFF, reconnectDelayMs, type Debouncer, type ReconnectBackoff } from './idleTiming';

export interface InboxRef {
  folderId: number;
  path: string;
}

export interface IdleTuning {
  /** Quiet time after the last server event before `onChange` runs: a burst gives one sync. */
  debounceMs: number;
  backoff: ReconnectBackoff;
  /**
   * IDLE is re-issued this often. RFC 2177 §3: a server may log out a client idle for 30 minutes, so a client
   * should terminate and re-issue IDLE at least every 29 minutes.
   */
  maxIdleMs: number;
  /** A session that stayed up this long counts as healthy: its drop starts the backoff again from the first step. */
  stableAfterMs: number;
  /** Deadline for the SELECT of the Inbox. */
  commandTimeoutMs: number;
  /** LOGOUT gets this long before the socket is simply closed. */
  logoutTimeoutMs: number;
}

export const DEFAULT_IDLE_TUNING: IdleTuning = {
  debounceMs: 300,
  backoff: DEFAULT_RECONNECT_BACKOFF,
  maxIdleMs: 25 * 60_000,
  stableAfterMs: 60_000,
  commandTimeoutMs: DEFAULT_COMMAND_TIMEOUT_MS,
  logoutTimeoutMs: 2_000,
};

export interface IdleWatcherDeps {
  endpointFor(accountId: string): Promise<ImapEndpoint>;
  /** Replaces connectImap (unit tests hand in a fake client). */
  connect?: (endpoint: ImapEndpoint) => Promise<ImapFlow>;
  /** The account's Inbox as the cache knows it; null before the first folder list arrived. */
  inboxOf(accountId: string): InboxRef | null;
  /** Something changed in the Inbox (or may have, after a reconnect). A rejection is logged, never thrown. */
  onChange(accountId: string, folderId: number): void | Promise<void>;
  log?: Pick<Console, 'warn'>;
  now(): number;
  timers: Timers;
  tuning?: Partial<IdleTuning>;
}

export interface IdleWatcher {
  /** Starts watching the account's Inbox; holding an account already held changes nothing. */
  hold(accountId: string): void;
  /** Stops watching: cancels a pending reconnect and logs the connection out. Resolves once it is gone. */
  release(accountId: string): Promise<void>;
  /** Releases every account; `hold` does nothing afterwards. */
  close(): Promise<void>;
}

interface Watch {
  accountId: string;
  released: boolean;
  client: ImapFlow | null;
  /** Failed attempts and short-lived sessions in a row. */
  failures: number;
  /** When the current session reached IDLE, null while connecting or waiting. */
  idlingSince: number | null;
  retryTimer: unknown;
  /** The Inbox the current or last session selected: what `onChange` names. */
  inboxFolderId: number | null;
  debouncer: Debouncer;
  /** The session in progress, settled (never rejected) when it ends. */
  session: Promise<void>;
}

const CHANGE_EVENTS = ['exists', 'expunge', 'flags'] as const;

export function createIdleWatcher(deps: IdleWatcherDeps): IdleWatcher {
  const tuning: IdleTuning = { ...DEFAULT_IDLE_TUNING, ...deps.tuning };
  const connect = deps.connect ?? ((endpoint: ImapEndpoint) => connectImap(endpoint));
  const log = deps.log ?? console;
  const { timers } = deps;
  const watches = new Map<string, Watch>();
  let closed = false;

  const notify = (watch: Watch): void => {
    const folderId = watch.inboxFolderId;
    if (watch.released || folderId === null) return;
    Promise.resolve()
      .then(() => deps.onChange(watch.accountId, folderId))
      .catch((err: unknown) => log.warn(`postino: sync after an IDLE event of ${watch.accountId} failed`, err));
  };

  const logOut = async (client: ImapFlow): Promise<void> => {
    const timer = timers.setTimeout(() => client.close(), tuning.logoutTimeoutMs);
    await client.logout().catch(() => client.close());
    timers.clearTimeout(timer);
  };

  /** One connection from login to close: resolves when the server or the network ends it, or on release. */
  const runSession = async (watch: Watch): Promise<void> => {
    const inbox = deps.inboxOf(watch.accountId);
    if (!inbox) throw new PostinoError('not-found', `the Inbox of ${watch.accountId} is not known yet`);
    const client = await connect(await deps.endpointFor(watch.accountId));
    if (watch.released) return logOut(client);
    watch.client = client;
    watch.inboxFolderId = inbox.folderId;
    const ended = new Promise<void>((resolve) => client.once('close', () => resolve()));
    for (const event of CHANGE_EVENTS) client.on(event, () => watch.debouncer.trigger());
    client.maxIdleTime = tuning.maxIdleMs;
    // No mailbox lock, unlike the ops: nothing else uses this connection, and imapflow never IDLEs while a lock is held.
    try {
      await withDeadline(client, `SELECT ${inbox.path}`, tuning.commandTimeoutMs, () => client.mailboxOpen(inbox.path));
    } catch (err) {
      client.close();
      throw err;
    }
    watch.idlingSince = deps.now();
    // Mail that arrived between the last sync and this SELECT was never announced: one sync catches up with it.
    watch.debouncer.trigger();
    // imapflow would start IDLE by itself after 15 s of quiet; starting now makes the first push instant too. The
    // promise settles when IDLE ends (close, logout); imapflow re-arms auto-IDLE after any keepalive NOOP.
    client.idle().catch(() => undefined);
    await ended;
  };

  const sessionEnded = (watch: Watch, err: unknown): void => {
    const stable = watch.idlingSince !== null && deps.now() - watch.idlingSince >= tuning.stableAfterMs;
    watch.client = null;
    watch.idlingSince = null;
    if (watch.released) return;
    watch.failures = stable ? 1 : watch.failures + 1;
    const delayMs = reconnectDelayMs(watch.failures, tuning.backoff);
    const why = err === null ? 'the connection closed' : err instanceof Error ? err.message : String(err);
    log.warn(`postino: no IDLE on the Inbox of ${watch.accountId} (${why}); trying again in ${Math.round(delayMs / 1000)} s`);
    watch.retryTimer = timers.setTimeout(() => {
      watch.retryTimer = null;
      start(watch);
    }, delayMs);
  };

  function start(watch: Watch): void {
    if (watch.released) return;
    watch.session = runSession(watch).then(
      () => sessionEnded(watch, null),
      (err: unknown) => sessionEnded(watch, err),
    );
  }

  const release = async (accountId: string): Promise<void> => {
    const watch = watches.get(accountId);
    if (!watch) return;
    watches.delete(accountId);
    watch.released = true;
    if (watch.retryTimer !== null) timers.clearTimeout(watch.retryTimer);
    watch.retryTimer = null;
    watch.debouncer.cancel();
    if (watch.client) await logOut(watch.client);
    await watch.session;
  };

  return {
    hold(accountId) {
      if (closed || watches.has(accountId)) return;
      const watch: Watch = {
        accountId,
        released: false,
        client: null,
        failures: 0,
        idlingSince: null,
        retryTimer: null,
        inboxFolderId: null,
        debouncer: createDebouncer(timers, tuning.debounceMs, () => notify(watch)),
        session: Promise.resolve(),
      };
      watches.set(accountId, watch);
      start(watch);
    },
    release,
    async close() {
      closed = true;
      await Promise.all([...watches.keys()].map(release));
    },
  };
}
