/**
 * Each account's sync state, pushed to the UI as `sync:status` whenever it changes, and the rules that move it:
 * busy while any sync of the account runs, offline (and retrying) while the server cannot be reached, asking for
 * the password when the server refused it, idle once a sync got through.
 */
import { PostinoError, type ErrorCode } from '../../shared/errors';
import type { AccountStatus } from '../../shared/types';
import type { CoreEvents } from '../core/events';

/** Codes that mean "cannot reach the server now": the account goes offline and retries by itself. */
export const UNREACHABLE: ReadonlySet<ErrorCode> = new Set(['offline', 'connection-refused', 'timeout', 'host-not-found', 'server-dropped']);

export function isUnreachable(err: unknown): err is PostinoError {
  return err instanceof PostinoError && UNREACHABLE.has(err.code);
}

export interface AccountStates {
  get(accountId: string): AccountStatus;
  all(): AccountStatus[];
  syncing(accountId: string, folderPath: string, done: number, total: number): void;
  /** Counts `work` as a running sync of the account while it runs. */
  busy(accountId: string, work: () => Promise<void>): Promise<void>;
  /** A sync got through: the account is online, and idle unless another sync of it still runs. */
  reachable(accountId: string, options: { accountSynced: boolean }): void;
  /** Records a failure; returns true when it is an expected state (offline, password refused) rather than a fault. */
  failed(accountId: string, err: unknown): boolean;
  forget(accountId: string): void;
}

export interface AccountStatesDeps {
  events: CoreEvents;
  now: () => number;
  /** Called when the account goes (or stays) offline: arm the next retry. */
  onUnreachable(accountId: string): void;
  /** Called when a sync got through: forget the retry schedule. */
  onReachable(accountId: string): void;
}

export function createAccountStates(deps: AccountStatesDeps): AccountStates {
  const statuses = new Map<string, AccountStatus>();
  const running = new Map<string, number>();
  const get = (accountId: string): AccountStatus =>
    statuses.get(accountId) ?? {
      accountId,
      state: 'idle',
      folderPath: null,
      done: 0,
      total: 0,
      lastSyncedAt: null,
      offlineSince: null,
      error: null,
    };
  const update = (accountId: string, patch: Partial<Omit<AccountStatus, 'accountId'>>): void => {
    const next = { ...get(accountId), ...patch };
    statuses.set(accountId, next);
    deps.events.emit('sync:status', next);
  };

  return {
    get,
    all: () => [...statuses.values()],
    syncing: (accountId, folderPath, done, total) => update(accountId, { state: 'syncing', folderPath, done, total }),
    async busy(accountId, work) {
      running.set(accountId, (running.get(accountId) ?? 0) + 1);
      try {
        await work();
      } finally {
        const left = (running.get(accountId) ?? 1) - 1;
        if (left > 0) running.set(accountId, left);
        else running.delete(accountId);
      }
    },
    reachable(accountId, { accountSynced }) {
      deps.onReachable(accountId);
      const synced = accountSynced ? { lastSyncedAt: deps.now() } : {};
      if (running.has(accountId)) {
        if (accountSynced) update(accountId, synced);
        return;
      }
      update(accountId, { state: 'idle', folderPath: null, done: 0, total: 0, offlineSince: null, error: null, ...synced });
    },
    failed(accountId, err) {
      const error = err instanceof PostinoError ? err : new PostinoError('internal', err instanceof Error ? err.message : String(err));
      const detail = { code: error.code, message: error.message };
      if (error.code === 'auth-failed') {
        update(accountId, { state: 'needs-password', folderPath: null, error: detail });
        return true;
      }
      if (UNREACHABLE.has(error.code)) {
        const offlineSince = get(accountId).offlineSince ?? deps.now();
        update(accountId, { state: 'offline', folderPath: null, done: 0, total: 0, offlineSince, error: detail });
        deps.onUnreachable(accountId);
        return true;
      }
      update(accountId, { state: 'error', folderPath: null, error: detail });
      return false;
    },
    forget(accountId) {
      statuses.delete(accountId);
      running.delete(accountId);
    },
  };
}
