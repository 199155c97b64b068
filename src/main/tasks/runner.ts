/**
 * Runs the remote steps of pending tasks: per account, one at a time, in the order the user asked. A task that
 * cannot reach its server waits (widening delays) and stays first in line, so nothing overtakes it; a server's
 * refusal is final: the cache is put back to the server's truth and an `actions:failed` event says why. Pending
 * tasks survive restarts: `start()` resumes every account that has some.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { ACTION_FAILED_EVENT, type ActionFailedEvent, type ActionName } from '../../shared/api/actions';
import { applyFlagsLocally, revertMove } from '../store/localActions';
import type { Store } from '../store/store';
import {
  accountsWithPendingTasks,
  failTask,
  finishTask,
  firstPendingTask,
  forgetRemoteLocation,
  makeTaskDue,
  postponeTask,
  type TaskRecord,
} from '../store/tasks';
import { createLanes, retryDelay } from './lanes';
import { isRefusal, runRemoteStep, type RefusedGroup, type RemoteContext } from './remoteSteps';
import { logoutOrClose } from '../imap/logout';

export const DEFAULT_TASK_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
/** A bug (not the network) that fails a task this many times fails it for good instead of blocking the account. */
const MAX_ATTEMPTS_FOR_FAULTS = 5;
/** The connection is logged out after this long without a task. */
const IDLE_LOGOUT_MS = 30_000;

export interface TaskEvents {
  emit(event: typeof ACTION_FAILED_EVENT, payload: ActionFailedEvent): void;
}

export interface TaskRunnerDeps {
  store: Store;
  /** A logged-in IMAP session for the account (src/main/imap/connect.ts through the account's endpoint). */
  connect(accountId: string): Promise<ImapFlow>;
  now?: () => number;
  events: TaskEvents;
  retryDelaysMs?: readonly number[];
  commandTimeoutMs?: number;
  /** The APPEND step of sent messages and drafts (src/main/outbox, src/main/compose). */
  append?: RemoteContext['append'];
  log?: Pick<Console, 'warn'>;
}

export interface TaskRunner {
  /** Resumes every account with pending tasks (call once at start-up). */
  start(): void;
  /** A task was enqueued, or the account's server is reachable again: run its queue now. */
  kick(accountId: string): void;
  /** Resolves once the account (or every account) has no pending task; waits through retries. */
  drained(accountId?: string): Promise<void>;
  close(): Promise<void>;
}

/** An account's IMAP connection, kept open between tasks and logged out once they stop coming. */
interface AccountSession {
  client: ImapFlow | null;
  idleTimer: NodeJS.Timeout | null;
}

export function createTaskRunner(deps: TaskRunnerDeps): TaskRunner {
  const { store, events } = deps;
  const now = deps.now ?? Date.now;
  const delays = deps.retryDelaysMs ?? DEFAULT_TASK_RETRY_DELAYS_MS;
  const log = deps.log ?? console;
  const sessions = new Map<string, AccountSession>();

  const sessionOf = (accountId: string): AccountSession => {
    let session = sessions.get(accountId);
    if (!session) {
      session = { client: null, idleTimer: null };
      sessions.set(accountId, session);
    }
    return session;
  };

  const clientFor = async (accountId: string, session: AccountSession): Promise<ImapFlow> => {
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.idleTimer = null;
    if (session.client?.usable) return session.client;
    session.client?.close();
    session.client = null;
    session.client = await deps.connect(accountId);
    return session.client;
  };

  /** Logs the connection out (or drops it when the server does not answer) and forgets it. */
  const logout = async (session: AccountSession): Promise<void> => {
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.idleTimer = null;
    const client = session.client;
    session.client = null;
    if (client) await logoutOrClose(client);
  };

  const logoutLater = (session: AccountSession): void => {
    if (!session.client || session.idleTimer) return;
    session.idleTimer = setTimeout(() => void logout(session), IDLE_LOGOUT_MS);
    session.idleTimer.unref();
  };

  /** The server refused part of a task: put those messages back as the server has them and tell the user. */
  const settleRefusals = (task: TaskRecord, refused: RefusedGroup[]): void => {
    store.write(
      () => {
        for (const group of refused) restoreServerTruth(store, task, group);
        failTask(store.db, task.id, refused[0]!.error.toData(), now());
      },
      () => ({ entity: 'message', kind: 'update', ids: refused.flatMap((group) => group.messageIds) }),
    );
    for (const group of refused) {
      events.emit(ACTION_FAILED_EVENT, {
        taskId: task.id,
        accountId: task.accountId,
        action: task.action as ActionName,
        messageIds: group.messageIds,
        error: group.error.toData(),
      });
    }
  };

  /** Runs the first pending task; returns the delay before the queue may be looked at again, or null to go on. */
  const runFirst = async (accountId: string, task: TaskRecord): Promise<number | null> => {
    const session = sessionOf(accountId);
    try {
      const client = await clientFor(accountId, session);
      const refused = await runRemoteStep(task, { store, client, commandTimeoutMs: deps.commandTimeoutMs, append: deps.append });
      if (refused.length > 0) settleRefusals(task, refused);
      else store.write(() => finishTask(store.db, task.id, now()), () => null);
      return null;
    } catch (err) {
      const error = err instanceof PostinoError ? err : new PostinoError('internal', err instanceof Error ? err.message : String(err));
      const wholeTask = { messageIds: messageIdsOf(task), locations: [], error };
      if (isRefusal(error)) {
        settleRefusals(task, [wholeTask]);
        return null;
      }
      if (error.code === 'internal' && task.attempts + 1 >= MAX_ATTEMPTS_FOR_FAULTS) {
        log.warn(`postino: task ${task.id} failed ${MAX_ATTEMPTS_FOR_FAULTS} times and is given up`, err);
        settleRefusals(task, [wholeTask]);
        return null;
      }
      const delay = retryDelay(delays, task.attempts);
      store.write(() => postponeTask(store.db, task.id, error.toData(), now() + delay), () => null);
      session.client?.close();
      session.client = null;
      return delay;
    }
  };

  const lanes = createLanes({
    label: 'the task runner',
    first: (accountId) => firstPendingTask(store.db, accountId),
    process: runFirst,
    // A task waiting for its retry still holds up `drained`: callers wait until the server has it.
    drainedWhen: 'nothing-pending',
    idle: (accountId) => logoutLater(sessionOf(accountId)),
    now,
    log,
  });

  return {
    start() {
      for (const accountId of accountsWithPendingTasks(store.db)) void lanes.drain(accountId);
    },
    kick(accountId) {
      if (lanes.closed) return;
      // A kick means "try now": the server may be back before the backoff said.
      if (lanes.waitingForRetry(accountId)) {
        const task = firstPendingTask(store.db, accountId);
        if (task && task.nextAttemptAt > now()) store.write(() => makeTaskDue(store.db, task.id, now()), () => null);
      }
      void lanes.drain(accountId);
    },
    async drained(accountId) {
      const accounts = accountId ? [accountId] : accountsWithPendingTasks(store.db);
      await Promise.all(accounts.map((id) => lanes.drained(id)));
    },
    async close() {
      await lanes.close();
      await Promise.all([...sessions.values()].map(logout));
    },
  };
}

/** The cached messages a task acts on (none for a permanent delete or an APPEND: they have no cached row). */
function messageIdsOf(task: TaskRecord): number[] {
  if (task.kind === 'set-flags') return [...new Set(task.payload.changes.flatMap((change) => change.messageIds))];
  if (task.kind === 'move') return task.payload.moves.flatMap((move) => move.messageIds);
  return [];
}

/** Puts the cache back to what the server still has for messages whose action it refused. */
function restoreServerTruth(store: Store, task: TaskRecord, group: RefusedGroup): void {
  const { db } = store;
  if (task.kind === 'move') {
    revertMove(db, group.messageIds);
    return;
  }
  if (task.kind === 'set-flags' && task.undo?.kind === 'set-flags') {
    const refused = new Set(group.messageIds);
    for (const change of task.undo.payload.changes) {
      applyFlagsLocally(db, change.messageIds.filter((id) => refused.has(id)), change.add, change.remove);
    }
    return;
  }
  if (task.kind === 'expunge') {
    // The messages come back with the next sync of their folder, since nothing marks them deleted any more.
    const locations = group.locations.length > 0 ? group.locations : task.payload.locations;
    for (const location of locations) forgetRemoteLocation(db, location);
  }
}
