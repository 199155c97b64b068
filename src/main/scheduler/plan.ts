/**
 * The arithmetic of the schedule, pure: which cadence applies in a mode, when an account is due, and the status
 * the UI shows. Due times derive from the last completed sync, never from counted ticks, so any number of
 * cadences missed while asleep or offline collapse into the one sync that is due when the app can sync again.
 */
import type { ScheduleReason, ScheduleStatus } from '../../shared/schedule';
import { backgroundCause, deriveMode, type ActivityMode, type ActivityState } from './activity';

/** What the scheduler remembers of one account between syncs. */
export interface AccountTrack {
  lastSyncedAt: number | null;
  /** A whole-account sync is in flight. */
  syncing: boolean;
  failedAttempts: number;
  lastFailedAt: number | null;
}

export function newAccountTrack(): AccountTrack {
  return { lastSyncedAt: null, syncing: false, failedAttempts: 0, lastFailedAt: null };
}

export interface Cadence {
  intervalMs: number;
  reason: ScheduleReason;
}

/** The cadence that applies in a mode; null when nothing syncs automatically. */
export function cadenceFor(mode: ActivityMode, state: ActivityState): Cadence | null {
  const intervals = state.settings.syncIntervals;
  switch (mode) {
    case 'active':
      return { intervalMs: intervals.activeMs, reason: 'active' };
    case 'background':
      return state.settings.assignKnownClients
        ? { intervalMs: intervals.backgroundAssignOnMs, reason: 'background-option-on' }
        : { intervalMs: intervals.backgroundAssignOffMs, reason: 'background-option-off' };
    case 'not-started':
    case 'suspended':
    case 'offline':
      return null;
  }
}

const FIRST_RETRY_MS = 60_000;

/**
 * After a failure, retry after 1, 2, 4, … minutes, never later than the cadence itself: a server that is down
 * is not asked every tick, and one that comes back is picked up within a cadence.
 */
export function retryDelayMs(failedAttempts: number, intervalMs: number): number {
  return Math.min(intervalMs, FIRST_RETRY_MS * 2 ** Math.min(failedAttempts - 1, 30));
}

/** Epoch ms when the account is due; a never-synced account has been due forever (0). */
export function dueAt(track: AccountTrack, intervalMs: number): number {
  const cadenceDue = track.lastSyncedAt === null ? 0 : track.lastSyncedAt + intervalMs;
  if (track.failedAttempts === 0 || track.lastFailedAt === null) return cadenceDue;
  return Math.max(cadenceDue, track.lastFailedAt + retryDelayMs(track.failedAttempts, intervalMs));
}

function pausedReason(mode: ActivityMode): ScheduleReason {
  return mode === 'suspended' || mode === 'offline' ? mode : 'not-started';
}

export function scheduleStatus(
  accountId: string,
  track: AccountTrack,
  folderSyncing: boolean,
  state: ActivityState,
  now: number,
): ScheduleStatus {
  const mode = deriveMode(state, now);
  const cadence = cadenceFor(mode, state);
  return {
    accountId,
    lastSyncedAt: track.lastSyncedAt,
    nextSyncAt: cadence && !track.syncing ? Math.max(now, dueAt(track, cadence.intervalMs)) : null,
    reason: cadence ? cadence.reason : pausedReason(mode),
    backgroundCause: mode === 'background' ? backgroundCause(state) : null,
    syncing: track.syncing || folderSyncing,
    failedAttempts: track.failedAttempts,
    holdIdleConnection: state.settings.instantNewMail && cadence !== null,
  };
}
