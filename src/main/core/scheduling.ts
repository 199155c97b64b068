/**
 * Wires the pure scheduler (src/main/scheduler) to the sync engine, the cache and the API: the sync and activity
 * domains of PostinoApi are thin doors into it, so the activity rule holds whatever asked for a sync.
 */
import type { ActivityApi } from '../../shared/api/activity';
import type { SyncApi } from '../../shared/api/sync';
import { PostinoError } from '../../shared/errors';
import { isActivityEventName } from '../../shared/schedule';
import type { Settings } from '../../shared/types';
import { createScheduler, type Clock, type Scheduler, type Timers } from '../scheduler/scheduler';
import { listAccounts } from '../store/accounts';
import { getFolder, listFolders } from '../store/folders';
import type { Store } from '../store/store';
import type { SyncEngine } from '../sync/engine';
import type { CoreEvents } from './events';

export interface Scheduling {
  scheduler: Scheduler;
  syncApi: SyncApi;
  activityApi: ActivityApi;
  /** Settings changed: the cadence options go to the scheduler. */
  settingsChanged(settings: Settings): void;
}

/** An account's last sync, as the cache remembers it across restarts: its Inbox's, the folder synced first. */
function lastSyncedOf(store: Store, accountId: string): number | null {
  const folders = listFolders(store.db, accountId);
  return (folders.find((folder) => folder.role === 'inbox') ?? folders[0])?.lastSyncedAt ?? null;
}

export function createScheduling(deps: {
  store: Store;
  sync: SyncEngine;
  events: CoreEvents;
  settings: Settings;
  clock: Clock;
  timers: Timers;
}): Scheduling {
  const { store, sync } = deps;
  const scheduler = createScheduler({
    clock: deps.clock,
    timers: deps.timers,
    accounts: () => listAccounts(store.db).map((account) => account.id),
    settings: {
      assignKnownClients: deps.settings.assignKnownClients,
      instantNewMail: deps.settings.instantNewMail,
      syncIntervals: deps.settings.syncIntervals,
    },
    runSync: async (target) => {
      await ('folderId' in target ? sync.syncFolder(target.accountId, target.folderId) : sync.syncAccount(target.accountId));
      // The engine never rejects for an unreachable server or a refused password (its status says so); the
      // scheduler must still count that as a failed sync, or it would report "synced now, next in 24 h".
      const state = sync.status().find((status) => status.accountId === target.accountId);
      if (state && state.state !== 'idle' && state.state !== 'syncing') {
        throw new PostinoError(state.error?.code === 'auth-failed' ? 'auth-failed' : 'offline', `sync of ${target.accountId} did not reach the server`);
      }
    },
  });
  for (const account of listAccounts(store.db)) {
    const at = lastSyncedOf(store, account.id);
    if (at !== null) scheduler.setLastSynced(account.id, at);
  }
  scheduler.onChange((status) => deps.events.emit('schedule:changed', status));
  // The scheduler syncs nothing before `app-started` (src/main/scheduler/activity.ts): the last-sync times above
  // are what it needs to know which accounts are due, so the core starts it here, for every shell alike.
  scheduler.dispatch({ type: 'app-started' });

  const accountOf = (folderId: number) => getFolder(store.db, folderId).accountId;

  return {
    scheduler,
    syncApi: {
      syncFolder: async (folderId) => scheduler.syncButton({ accountId: accountOf(folderId), folderId }),
      folderOpened: async (folderId) => scheduler.mailboxOpened(accountOf(folderId), folderId),
      syncAccount: async (accountId) => scheduler.syncButton(accountId ? { accountId } : 'all'),
      status: async () => sync.status(),
    },
    activityApi: {
      async report(event) {
        if (!isActivityEventName(event)) throw new PostinoError('invalid-input', `Unknown activity event ${String(event)}`, { field: 'event' });
        scheduler.dispatch({ type: event });
      },
      schedule: async () => scheduler.statuses(),
    },
    settingsChanged(settings) {
      scheduler.dispatch({
        type: 'option-changed',
        patch: {
          assignKnownClients: settings.assignKnownClients,
          instantNewMail: settings.instantNewMail,
          syncIntervals: settings.syncIntervals,
        },
      });
    },
  };
}
