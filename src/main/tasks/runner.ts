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
import { isRefusal, runRemoteStep, type RefusedGroup, type RemoteContext } from './remoteSteps';

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

interface AccountLane {
  running: boolean;
  /** Another kick arrived while running: look at the queue again before stopping. */
  again: boolean;
  timer: NodeJS.Timeout | null;
  client: ImapFlow | null;
  idleTimer: NodeJS.Timeout | null;
  waiters: Array<() => void>;
}

export function createTaskRunner(deps: TaskRunnerDeps): TaskRunner {
  const { store, events } = deps;
  const now = deps.now ?? Date.now;
  const delays = deps.retryDelaysMs ?? DEFAULT_TASK_RETRY_DELAYS_MS;
  const log = deps.log ?? console;
  const lanes = new Map<string, AccountLane>();
  let closed = false;

  const laneOf = (accountId: string): AccountLane => {
    let lane = lanes.get(accountId);
    if (!lane) {
      lane = { running: false, again: false, timer: null, client: null, idleTimer: null, waiters: [] };
      lanes.set(accountId, lane);
    }
    return lane;
  };

  const clientFor = async (accountId: string, lane: AccountLane): Promise<ImapFlow> => {
    if (lane.idleTimer) clearTimeout(lane.idleTimer);
    lane.idleTimer = null;
    if (lane.client?.usable) return lane.client;
    lane.client?.close();
    lane.client = null;
    lane.client = await deps.connect(accountId);
    return lane.client;
  };

  const logoutLater = (lane: AccountLane): void => {
    if (!lane.client || lane.idleTimer) return;
    lane.idleTimer = setTimeout(() => {
      lane.idleTimer = null;
      const client = lane.client;
      lane.client = null;
      client?.logout().catch(() => client.close());
    }, IDLE_LOGOUT_MS);
    lane.idleTimer.unref();
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
  const runFirst = async (accountId: string, lane: AccountLane, task: TaskRecord): Promise<number | null> => {
    try {
      const client = await clientFor(accountId, lane);
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
      const delay = delays[Math.min(task.attempts, delays.length - 1)] ?? 60_000;
      store.write(() => postponeTask(store.db, task.id, error.toData(), now() + delay), () => null);
      lane.client?.close();
      lane.client = null;
      return delay;
    }
  };

  const inFlight = new Set<Promise<void>>();
  const drain = (accountId: string): Promise<void> => {
    // A failure here is a bug (the network's failures are handled per item): report it, keep the queue for next time.
    const running = drainLane(accountId).catch((err: unknown) => log.warn(`postino: the task runner of ${accountId} stopped`, err));
    inFlight.add(running);
    void running.then(() => inFlight.delete(running));
    return running;
  };

  const drainLane = async (accountId: string): Promise<void> => {
    const lane = laneOf(accountId);
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = true;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    try {
      do {
        lane.again = false;
        for (let task = firstPendingTask(store.db, accountId); task && !closed; task = firstPendingTask(store.db, accountId)) {
          const wait = task.nextAttemptAt - now();
          const delay = wait > 0 ? wait : await runFirst(accountId, lane, task);
          if (delay !== null) {
            lane.timer = setTimeout(() => void drain(accountId), delay);
            lane.timer.unref();
            return;
          }
        }
      } while (lane.again && !closed);
      logoutLater(lane);
      for (const resolve of lane.waiters.splice(0)) resolve();
    } finally {
      lane.running = false;
    }
  };

  return {
    start() {
      for (const accountId of accountsWithPendingTasks(store.db)) void drain(accountId);
    },
    kick(accountId) {
      if (closed) return;
      const lane = laneOf(accountId);
      // A kick means "try now": the server may be back before the backoff said.
      if (!lane.running && lane.timer) {
        const task = firstPendingTask(store.db, accountId);
        if (task && task.nextAttemptAt > now()) store.write(() => makeTaskDue(store.db, task.id, now()), () => null);
      }
      void drain(accountId);
    },
    async drained(accountId) {
      const accounts = accountId ? [accountId] : accountsWithPendingTasks(store.db);
      await Promise.all(
        accounts.map(
          (id) =>
            new Promise<void>((resolve) => {
              if (!firstPendingTask(store.db, id) && !laneOf(id).running) return resolve();
              laneOf(id).waiters.push(resolve);
            }),
        ),
      );
    },
    async close() {
      closed = true;
      await Promise.all(inFlight);
      await Promise.all(
        [...lanes.values()].map(async (lane) => {
          if (lane.timer) clearTimeout(lane.timer);
          if (lane.idleTimer) clearTimeout(lane.idleTimer);
          const client = lane.client;
          lane.client = null;
          if (client) await client.logout().catch(() => client.close());
        }),
      );
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
