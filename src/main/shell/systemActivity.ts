/**
 * What only the shell can tell the scheduler: the machine sleeping and waking, the screen locking, the network
 * coming and going, and input in other applications. The window's visibility and focus are reported by
 * ./mainWindow.ts; the page adds only input inside the window (src/renderer/features/activity).
 */
import type { ActivityEvent } from '../scheduler/activity';
import type { PowerEvent, ShellPlatform } from './platform';

const POWER_ACTIVITY: Record<PowerEvent, ActivityEvent> = {
  suspend: { type: 'system-suspend' },
  resume: { type: 'system-resume' },
  'lock-screen': { type: 'screen-locked' },
  'unlock-screen': { type: 'screen-unlocked' },
};

/** Idle time and connectivity have no events in Electron's main process; this often is cheap and prompt enough. */
export const POLL_INTERVAL_MS = 15_000;

/** Starts reporting; returns the function that stops the polling. */
export function reportSystemActivity(platform: ShellPlatform, report: (event: ActivityEvent) => void): () => void {
  platform.onPowerEvent((event) => report(POWER_ACTIVITY[event]));
  let online = platform.isOnline();
  if (!online) report({ type: 'offline' });
  const timer = setInterval(() => {
    report({ type: 'system-idle', idleSeconds: platform.systemIdleSeconds() });
    const nowOnline = platform.isOnline();
    if (nowOnline !== online) report({ type: nowOnline ? 'online' : 'offline' });
    online = nowOnline;
  }, POLL_INTERVAL_MS);
  return () => clearInterval(timer);
}
