/**
 * What the app knows about the user and the machine, as a pure reducer: the shell (window, power and network
 * events) and the renderer (input) report events; the scheduler derives from the state which cadence applies.
 */
import {
  applySchedulePatch,
  type BackgroundCause,
  type ScheduleSettings,
  type ScheduleSettingsPatch,
} from '../../shared/schedule';

export type WindowVisibility = 'visible' | 'minimised' | 'hidden';

export interface ActivityState {
  /** False until `app-started`: nothing syncs before the composition root has seeded the last-sync times. */
  started: boolean;
  window: WindowVisibility;
  /** Epoch ms of the last known keyboard or mouse input, null before any. */
  lastInputAt: number | null;
  screenLocked: boolean;
  suspended: boolean;
  online: boolean;
  settings: ScheduleSettings;
}

export type ActivityEvent =
  | {
      type:
        | 'window-shown'
        | 'window-hidden'
        | 'window-minimised'
        | 'window-restored'
        | 'window-focused'
        | 'window-blurred'
        | 'user-input'
        | 'system-suspend'
        | 'system-resume'
        | 'screen-locked'
        | 'screen-unlocked'
        | 'online'
        | 'offline'
        | 'app-started';
    }
  /** The OS's own count (Electron's powerMonitor.getSystemIdleTime): input in any application counts. */
  | { type: 'system-idle'; idleSeconds: number }
  | { type: 'option-changed'; patch: ScheduleSettingsPatch };

export type ActivityMode = 'not-started' | 'active' | 'background' | 'suspended' | 'offline';

export function initialActivity(settings: ScheduleSettings): ActivityState {
  // Hidden until the shell says otherwise: the app may start straight into the tray.
  return { started: false, window: 'hidden', lastInputAt: null, screenLocked: false, suspended: false, online: true, settings };
}

/** Applies one event that happened at `at` (epoch ms). */
export function reduceActivity(state: ActivityState, event: ActivityEvent, at: number): ActivityState {
  switch (event.type) {
    // Showing, restoring or focusing the window takes a click or a key: the user is here now.
    case 'window-shown':
    case 'window-restored':
    case 'window-focused':
      return { ...state, window: 'visible', lastInputAt: at };
    case 'window-hidden':
      return { ...state, window: 'hidden' };
    case 'window-minimised':
      return { ...state, window: 'minimised' };
    // A visible window without focus still counts: the user may read the list while typing elsewhere, and
    // input anywhere reaches us through system-idle.
    case 'window-blurred':
      return state;
    case 'user-input':
      return { ...state, lastInputAt: at };
    case 'system-idle': {
      const inputAt = at - event.idleSeconds * 1000;
      return state.lastInputAt !== null && state.lastInputAt >= inputAt ? state : { ...state, lastInputAt: inputAt };
    }
    case 'system-suspend':
      return { ...state, suspended: true };
    case 'system-resume':
      return { ...state, suspended: false };
    case 'screen-locked':
      return { ...state, screenLocked: true };
    case 'screen-unlocked':
      return { ...state, screenLocked: false, lastInputAt: at };
    case 'online':
      return { ...state, online: true };
    case 'offline':
      return { ...state, online: false };
    case 'option-changed':
      return { ...state, settings: applySchedulePatch(state.settings, event.patch) };
    case 'app-started':
      return { ...state, started: true };
  }
}

/** Input within the threshold, on a visible window of an unlocked screen. */
function userActive(state: ActivityState, now: number): boolean {
  return (
    state.window === 'visible' &&
    !state.screenLocked &&
    state.lastInputAt !== null &&
    now - state.lastInputAt < state.settings.syncIntervals.inputIdleMs
  );
}

export function deriveMode(state: ActivityState, now: number): ActivityMode {
  if (!state.started) return 'not-started';
  if (state.suspended) return 'suspended';
  if (!state.online) return 'offline';
  return userActive(state, now) ? 'active' : 'background';
}

/** Why the app is in the background: the window state first, since that is what the user sees. */
export function backgroundCause(state: ActivityState): BackgroundCause {
  if (state.window === 'minimised') return 'window-minimised';
  if (state.window === 'hidden') return 'window-hidden';
  if (state.screenLocked) return 'screen-locked';
  return 'user-inactive';
}

/** When an active user becomes inactive if no further input arrives; null when not active. */
export function activeUntil(state: ActivityState, now: number): number | null {
  if (!userActive(state, now) || state.lastInputAt === null) return null;
  return state.lastInputAt + state.settings.syncIntervals.inputIdleMs;
}
