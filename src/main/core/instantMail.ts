/**
 * The "instant new mail (IMAP IDLE on Inbox)" setting, wired: the scheduler decides per account whether an IDLE
 * connection should be held now (`holdIdleConnection`: the setting is on and the app may sync, so not while asleep,
 * offline or before start); the idle watcher holds it; a pushed change syncs the Inbox through the engine, whose
 * coalescing keeps it to one run at a time, and new mail then reaches `mail:new` and `mail:notify` as usual.
 */
import type { ScheduleStatus } from '../../shared/schedule';
import type { Clock, Scheduler, Timers } from '../scheduler/scheduler';
import { listFolders } from '../store/folders';
import type { Store } from '../store/store';
import type { SyncEngine } from '../sync/engine';
import { createIdleWatcher, type InboxRef, type IdleWatcherDeps } from '../sync/idleWatcher';

export interface InstantMail {
  /** The account is being removed: its IDLE connection logs out first (the scheduler reports nothing for it). */
  release(accountId: string): Promise<void>;
  /** Stops following the scheduler and logs every IDLE connection out. */
  close(): Promise<void>;
}

export function startInstantMail(deps: {
  store: Store;
  sync: SyncEngine;
  scheduler: Scheduler;
  endpointFor: IdleWatcherDeps['endpointFor'];
  /** Network time: reconnect waits and debouncing run on real time even when a test fakes the scheduler's. */
  clock: Clock;
  timers: Timers;
}): InstantMail {
  const { store, sync, scheduler } = deps;
  const inboxOf = (accountId: string): InboxRef | null => {
    const inbox = listFolders(store.db, accountId).find((folder) => folder.role === 'inbox');
    return inbox ? { folderId: inbox.id, path: inbox.path } : null;
  };
  const watcher = createIdleWatcher({
    endpointFor: deps.endpointFor,
    inboxOf,
    onChange: (accountId, folderId) => sync.syncFolder(accountId, folderId),
    now: () => deps.clock.now(),
    timers: deps.timers,
  });
  const follow = (status: ScheduleStatus): void => {
    if (status.holdIdleConnection) watcher.hold(status.accountId);
    else void watcher.release(status.accountId);
  };
  for (const status of scheduler.statuses()) follow(status);
  const stopFollowing = scheduler.onChange(follow);

  return {
    release: (accountId) => watcher.release(accountId),
    async close() {
      stopFollowing();
      await watcher.close();
    },
  };
}
