/**
 * Which activity events the page reports, and how often: pure rules, so the hook beside them stays wiring.
 *
 * Where the page runs decides what it reports. In a browser (web mode) the page's visibility, focus and input
 * are all the core can learn about the user, so it reports all of them. In the desktop app the shell reports
 * the window's own events (shown, hidden to the tray, minimised, focused, blurred: src/main/shell/mainWindow.ts),
 * which also cover a window the page cannot see hidden; there the page adds only what the shell cannot see,
 * keyboard and mouse input inside the window, so nothing is reported twice.
 */
import type { ActivityEventName } from '../../../shared/schedule';

export type PageHost = 'desktop' | 'browser';

/** Input is reported at most this often: the core needs to know the user is still there (its idle threshold is minutes), not every keystroke. */
export const INPUT_REPORT_INTERVAL_MS = 30_000;

/** The events the page reports itself on the given host. */
export function pageReportedEvents(host: PageHost): ReadonlySet<ActivityEventName> {
  return host === 'desktop'
    ? new Set(['user-input'])
    : new Set(['window-shown', 'window-hidden', 'window-focused', 'window-blurred', 'user-input']);
}

/**
 * A gate for input reports: true for the first input, then false until `intervalMs` has passed since the last
 * report. A clock going backwards (the system time set back) opens the gate rather than closing it for hours.
 */
export function createInputThrottle(intervalMs: number = INPUT_REPORT_INTERVAL_MS): (now: number) => boolean {
  let lastReportAt: number | null = null;
  return (now) => {
    if (lastReportAt !== null && now >= lastReportAt && now - lastReportAt < intervalMs) return false;
    lastReportAt = now;
    return true;
  };
}

export function visibilityEvent(visibilityState: DocumentVisibilityState): ActivityEventName {
  return visibilityState === 'visible' ? 'window-shown' : 'window-hidden';
}
