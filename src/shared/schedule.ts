/**
 * When mail syncs, as plain data: the cadence settings, the schedule the core reports for each account, and the
 * activity events a renderer may report. Shared by the scheduler (src/main/scheduler), the bridges and the UI.
 */
import { PostinoError } from './errors';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface SyncIntervals {
  /** Window visible and the user active: every mailbox syncs this often. */
  activeMs: number;
  /** Window minimised/hidden or the user inactive, with "assign e-mails of known clients" on. */
  backgroundAssignOnMs: number;
  /** The same, with that option off. */
  backgroundAssignOffMs: number;
  /** No keyboard or mouse input for this long means the user is inactive. */
  inputIdleMs: number;
  /** Opening a mailbox syncs it, unless it synced less than this long ago. */
  openFloorMs: number;
}

export const DEFAULT_SYNC_INTERVALS: SyncIntervals = {
  activeMs: 10 * MINUTE,
  backgroundAssignOnMs: 10 * MINUTE,
  backgroundAssignOffMs: 24 * HOUR,
  inputIdleMs: 5 * MINUTE,
  openFloorMs: 30 * SECOND,
};

/** The settings the scheduler follows: the fields it would read from `Settings`. */
export interface ScheduleSettings {
  /** "Assign e-mails of known clients to their responsible employees": picks the background cadence. */
  assignKnownClients: boolean;
  /** Hold an IMAP IDLE connection (RFC 2177) on each Inbox for instant new mail. */
  instantNewMail: boolean;
  syncIntervals: SyncIntervals;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  assignKnownClients: false,
  instantNewMail: false,
  syncIntervals: DEFAULT_SYNC_INTERVALS,
};

export interface ScheduleSettingsPatch {
  assignKnownClients?: boolean;
  instantNewMail?: boolean;
  syncIntervals?: Partial<SyncIntervals>;
}

export function applySchedulePatch(settings: ScheduleSettings, patch: ScheduleSettingsPatch): ScheduleSettings {
  return {
    assignKnownClients: patch.assignKnownClients ?? settings.assignKnownClients,
    instantNewMail: patch.instantNewMail ?? settings.instantNewMail,
    syncIntervals: { ...settings.syncIntervals, ...patch.syncIntervals },
  };
}

/**
 * Smallest accepted value per interval. A cadence under a minute would hammer the servers of ten mailboxes; an
 * idle threshold under ten seconds would flip the mode between two keystrokes.
 */
const INTERVAL_MINIMUMS: Record<keyof SyncIntervals, number> = {
  activeMs: MINUTE,
  backgroundAssignOnMs: MINUTE,
  backgroundAssignOffMs: MINUTE,
  inputIdleMs: 10 * SECOND,
  openFloorMs: 0,
};

/** Throws `invalid-input` naming the first bad field (`details.field`, e.g. "syncIntervals.activeMs"). */
export function validateScheduleSettings(settings: ScheduleSettings): void {
  for (const [name, minimum] of Object.entries(INTERVAL_MINIMUMS) as Array<[keyof SyncIntervals, number]>) {
    const value = settings.syncIntervals[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
      throw new PostinoError('invalid-input', `syncIntervals.${name} must be a number of at least ${minimum} ms`, {
        field: `syncIntervals.${name}`,
      });
    }
  }
  for (const name of ['assignKnownClients', 'instantNewMail'] as const) {
    if (typeof settings[name] !== 'boolean') {
      throw new PostinoError('invalid-input', `${name} must be true or false`, { field: name });
    }
  }
}

/**
 * Why an account's next sync is when it is. The background reasons name the option because it alone decides
 * between 10 minutes and 24 hours; what put the app in the background is `backgroundCause`.
 */
export type ScheduleReason =
  | 'active'
  | 'background-option-on'
  | 'background-option-off'
  | 'offline'
  | 'suspended'
  | 'not-started';

export type BackgroundCause = 'window-minimised' | 'window-hidden' | 'screen-locked' | 'user-inactive';

export interface ScheduleStatus {
  accountId: string;
  /** Epoch ms of the last completed sync of the whole account, null before the first. */
  lastSyncedAt: number | null;
  /** Epoch ms of the next automatic sync; null while syncing or while syncs are paused (offline, asleep). */
  nextSyncAt: number | null;
  reason: ScheduleReason;
  /** Set when `reason` is a background one. */
  backgroundCause: BackgroundCause | null;
  /** The account, or one of its folders, is syncing now. */
  syncing: boolean;
  /** Syncs that failed in a row; above 0, `nextSyncAt` is a retry. */
  failedAttempts: number;
  /** Whether the sync engine should hold an IDLE connection on this account's Inbox now. */
  holdIdleConnection: boolean;
}

/**
 * What a renderer can observe and report (`activity.report`): in web mode the page's visibility, focus and input
 * are all the core learns about the user. Suspend, lock and network changes come from the Electron shell only.
 */
export const ACTIVITY_EVENT_NAMES = [
  'window-shown',
  'window-hidden',
  'window-focused',
  'window-blurred',
  'user-input',
] as const;

export type ActivityEventName = (typeof ACTIVITY_EVENT_NAMES)[number];

export function isActivityEventName(value: unknown): value is ActivityEventName {
  return (ACTIVITY_EVENT_NAMES as readonly unknown[]).includes(value);
}

/** A message key and its parameters: the renderer translates, the core never writes sentences. */
export interface ScheduleText {
  key: string;
  params: Record<string, string | number>;
}

/**
 * The line the UI shows for an account: "next: in 8 min — window active", "paused — offline",
 * "next: tomorrow 09:12 — background, option off". `params.at` is epoch ms for the renderer to format.
 */
export function describeSchedule(status: ScheduleStatus, now: number): ScheduleText {
  if (status.syncing) return { key: 'schedule.syncing', params: {} };
  if (status.nextSyncAt === null) return { key: `schedule.paused.${status.reason}`, params: {} };
  const params: Record<string, string | number> = {
    at: status.nextSyncAt,
    inMinutes: Math.max(0, Math.ceil((status.nextSyncAt - now) / MINUTE)),
  };
  if (status.backgroundCause !== null) params.cause = status.backgroundCause;
  if (status.failedAttempts > 0) {
    return { key: 'schedule.retry', params: { ...params, failedAttempts: status.failedAttempts } };
  }
  return { key: `schedule.next.${status.reason}`, params };
}
