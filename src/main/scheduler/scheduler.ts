/**
 * Makes sync follow the user:
 * - window visible and input in the last few minutes: every account every `activeMs` (10 min);
 * - minimised, hidden in the tray, screen locked or no recent input: the background cadence, 10 min with
 *   "assign e-mails of known clients" on, 24 h with it off;
 * - at start, every account whose last sync is older than the cadence that applies;
 * - opening a folder syncs it unless it synced within `openFloorMs` (30 s); the sync button always syncs;
 * - asleep, offline, or before the app has started: nothing, then one sync of what fell due meanwhile.
 * One timer, armed for the next moment something changes (a sync falls due, or an active user turns
 * inactive), recomputed on every event. No per-tick poll: two days asleep wake to one sync, not 288.
 */
import { PostinoError } from '../../shared/errors';
import {
  applySchedulePatch,
  validateScheduleSettings,
  type ScheduleSettings,
  type ScheduleStatus,
} from '../../shared/schedule';
import { activeUntil, deriveMode, initialActivity, reduceActivity, type ActivityEvent, type ActivityMode } from './activity';
import { cadenceFor, dueAt, newAccountTrack, scheduleStatus, type AccountTrack } from './plan';

export interface Clock {
  /** Epoch ms. */
  now(): number;
}

export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SyncTarget = { accountId: string } | { accountId: string; folderId: number };

export type SyncReason =
  | 'app-started'
  | 'active-cadence'
  | 'background-cadence'
  | 'resumed'
  | 'reconnected'
  | 'mailbox-opened'
  | 'sync-button';

export interface SchedulerDeps {
  clock: Clock;
  timers: Timers;
  /** The sync engine's entry; resolves when the sync completed, rejects when it failed (the engine reports why). */
  runSync(target: SyncTarget, reason: SyncReason): Promise<void>;
  /** Ids of the configured accounts, read on every evaluation so added and removed accounts are seen. */
  accounts(): string[];
  settings: ScheduleSettings;
}

export interface Scheduler {
  /** Throws `invalid-input` for a bad `system-idle` count or option value, changing nothing. */
  dispatch(event: ActivityEvent): void;
  /** The user selected a folder: sync it now unless it synced within the floor or is syncing. */
  mailboxOpened(accountId: string, folderId: number): void;
  /** The sync button: one account or folder, or every account from the button's menu. No floor. */
  syncButton(target: SyncTarget | 'all'): void;
  /** Seeds the last sync from the cache at start, or records a sync the engine ran on its own. */
  setLastSynced(accountId: string, at: number): void;
  /** Call when accounts were added or removed: a new account syncs at once. */
  accountsChanged(): void;
  /** Throws `not-found` for an unknown account. */
  status(accountId: string): ScheduleStatus;
  statuses(): ScheduleStatus[];
  /** Called with each account's status whenever it changes; returns the unsubscribe function. */
  onChange(listener: (status: ScheduleStatus) => void): () => void;
  /** Clears the timer; nothing starts afterwards. Syncs in flight finish in the engine. */
  stop(): void;
}

/** setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days); longer waits re-arm on wake-up. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

type Trigger = ActivityEvent['type'] | 'timer' | 'sync-finished' | 'last-synced' | 'accounts-changed';

function cadenceReason(trigger: Trigger, mode: ActivityMode): SyncReason {
  if (trigger === 'app-started') return 'app-started';
  if (trigger === 'system-resume') return 'resumed';
  if (trigger === 'online') return 'reconnected';
  return mode === 'active' ? 'active-cadence' : 'background-cadence';
}

interface FolderTrack {
  lastSyncedAt: number | null;
  syncing: boolean;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, timers } = deps;
  validateScheduleSettings(deps.settings);
  let activity = initialActivity(deps.settings);
  const accountTracks = new Map<string, AccountTrack>();
  const folderTracks = new Map<string, Map<number, FolderTrack>>();
  const listeners = new Set<(status: ScheduleStatus) => void>();
  const published = new Map<string, string>();
  let timer: unknown = null;
  let stopped = false;

  /** Sync the tracks with the account list and return it. */
  function currentAccounts(): string[] {
    const ids = deps.accounts();
    for (const id of accountTracks.keys()) {
      if (!ids.includes(id)) {
        accountTracks.delete(id);
        folderTracks.delete(id);
      }
    }
    for (const id of ids) if (!accountTracks.has(id)) accountTracks.set(id, newAccountTrack());
    return ids;
  }

  function knownTrack(accountId: string): AccountTrack {
    currentAccounts();
    const track = accountTracks.get(accountId);
    if (!track) throw new PostinoError('not-found', `no account ${accountId}`);
    return track;
  }

  function folderTrack(accountId: string, folderId: number): FolderTrack {
    let folders = folderTracks.get(accountId);
    if (!folders) folderTracks.set(accountId, (folders = new Map()));
    let track = folders.get(folderId);
    if (!track) folders.set(folderId, (track = { lastSyncedAt: null, syncing: false }));
    return track;
  }

  /** Calls the engine; a synchronous throw counts as a failed sync rather than escaping into an event handler. */
  function run(target: SyncTarget, reason: SyncReason): Promise<void> {
    try {
      return deps.runSync(target, reason);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  function startAccountSync(accountId: string, track: AccountTrack, reason: SyncReason): void {
    track.syncing = true;
    // Failures are the engine's to report (sync:status); here they only push the next attempt back.
    run({ accountId }, reason).then(
      () => {
        track.lastSyncedAt = clock.now();
        track.failedAttempts = 0;
        track.lastFailedAt = null;
      },
      () => {
        track.failedAttempts += 1;
        track.lastFailedAt = clock.now();
      },
    ).finally(() => {
      track.syncing = false;
      evaluate('sync-finished');
    });
  }

  function startFolderSync(accountId: string, folderId: number, reason: SyncReason): void {
    const track = folderTrack(accountId, folderId);
    track.syncing = true;
    // A failed folder sync leaves the floor where it was, so opening the folder again retries it.
    run({ accountId, folderId }, reason).then(
      () => void (track.lastSyncedAt = clock.now()),
      () => undefined,
    ).finally(() => {
      track.syncing = false;
      publish();
    });
  }

  /** Starts every sync that is due, re-arms the one timer, and tells listeners what changed. */
  function evaluate(trigger: Trigger): void {
    if (stopped) return;
    const now = clock.now();
    const mode = deriveMode(activity, now);
    const cadence = cadenceFor(mode, activity);
    const ids = currentAccounts();
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (cadence) {
      let wakeAt = activeUntil(activity, now) ?? Infinity;
      for (const id of ids) {
        const track = accountTracks.get(id);
        if (!track || track.syncing) continue;
        const due = dueAt(track, cadence.intervalMs);
        if (due <= now) startAccountSync(id, track, cadenceReason(trigger, mode));
        else wakeAt = Math.min(wakeAt, due);
      }
      if (Number.isFinite(wakeAt)) {
        const delay = Math.min(Math.max(0, wakeAt - now), MAX_TIMER_DELAY_MS);
        timer = timers.setTimeout(() => {
          timer = null;
          evaluate('timer');
        }, delay);
      }
    }
    publish();
  }

  function statusOf(accountId: string, track: AccountTrack, now: number): ScheduleStatus {
    const folders = folderTracks.get(accountId);
    const folderSyncing = folders ? [...folders.values()].some((folder) => folder.syncing) : false;
    return scheduleStatus(accountId, track, folderSyncing, activity, now);
  }

  function publish(): void {
    const now = clock.now();
    for (const id of published.keys()) if (!accountTracks.has(id)) published.delete(id);
    for (const [id, track] of accountTracks) {
      const status = statusOf(id, track, now);
      const serialised = JSON.stringify(status);
      if (published.get(id) === serialised) continue;
      published.set(id, serialised);
      for (const listener of listeners) listener(status);
    }
  }

  /** Opening a folder or pressing the button is input: it may turn a background app active. */
  function noteInput(): void {
    activity = reduceActivity(activity, { type: 'user-input' }, clock.now());
    evaluate('user-input');
  }

  function validateEvent(event: ActivityEvent): void {
    if (event.type === 'system-idle' && !(Number.isFinite(event.idleSeconds) && event.idleSeconds >= 0)) {
      throw new PostinoError('invalid-input', 'system-idle needs a non-negative number of seconds', {
        field: 'idleSeconds',
      });
    }
    if (event.type === 'option-changed') validateScheduleSettings(applySchedulePatch(activity.settings, event.patch));
  }

  return {
    dispatch(event) {
      validateEvent(event);
      activity = reduceActivity(activity, event, clock.now());
      // Waking up or reconnecting is news about the network: a failing server gets a fresh try, not the backoff.
      if (event.type === 'system-resume' || event.type === 'online') {
        for (const track of accountTracks.values()) track.failedAttempts = 0;
      }
      evaluate(event.type);
    },

    mailboxOpened(accountId, folderId) {
      const account = knownTrack(accountId);
      // Input first: a due whole-account sync that this starts already covers the folder.
      noteInput();
      const mode = deriveMode(activity, clock.now());
      if (mode !== 'active' && mode !== 'background') return;
      const folder = folderTrack(accountId, folderId);
      if (account.syncing || folder.syncing) return;
      const lastSyncedAt = Math.max(account.lastSyncedAt ?? -Infinity, folder.lastSyncedAt ?? -Infinity);
      if (clock.now() - lastSyncedAt < activity.settings.syncIntervals.openFloorMs) return;
      startFolderSync(accountId, folderId, 'mailbox-opened');
      publish();
    },

    syncButton(target) {
      const accountIds = target === 'all' ? currentAccounts() : [target.accountId];
      for (const id of accountIds) knownTrack(id);
      noteInput();
      for (const id of accountIds) {
        const account = knownTrack(id);
        if (account.syncing) continue;
        if (target !== 'all' && 'folderId' in target) {
          if (!folderTrack(id, target.folderId).syncing) startFolderSync(id, target.folderId, 'sync-button');
        } else {
          startAccountSync(id, account, 'sync-button');
        }
      }
      publish();
    },

    setLastSynced(accountId, at) {
      const track = knownTrack(accountId);
      track.lastSyncedAt = Math.max(track.lastSyncedAt ?? -Infinity, at);
      evaluate('last-synced');
    },

    accountsChanged() {
      evaluate('accounts-changed');
    },

    status(accountId) {
      return statusOf(accountId, knownTrack(accountId), clock.now());
    },

    statuses() {
      const now = clock.now();
      return currentAccounts().map((id) => statusOf(id, accountTracks.get(id) ?? newAccountTrack(), now));
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
