/**
 * What tells the user about mail while the window is out of sight: the tray (unread count, sync, pausing
 * notifications), the dock/launcher badge, the Windows taskbar overlay, and native new-mail notifications.
 */
import type { EventMap } from '../../shared/api';
import { eventChannel } from '../../preload/eventChannel';
import type { Core } from '../core/types';
import type { WindowKeeper } from './mainWindow';
import { showMailNotifications } from './mailNotifications';
import { followNotificationPause, pauseNotifications, resumeNotifications } from './notificationPause';
import type { ShellPlatform } from './platform';
import type { ShellPreferences } from './preferences';
import { shellStrings } from './strings';
import { createAppTray } from './tray';
import { followUnreadCount } from './unreadCount';

export function startMailIndicators(deps: {
  platform: ShellPlatform;
  preferences: ShellPreferences;
  core: Pick<Core, 'api' | 'events'>;
  windows: WindowKeeper;
  quit(): void;
}): { stop(): void } {
  const { platform, core, windows } = deps;
  const words = shellStrings(platform.locale);
  const failed = (what: string) => (err: unknown) => console.error(`Postino: ${what}`, err);

  const tray = createAppTray(platform, deps.preferences, {
    showWindow: () => windows.show(),
    syncNow: () => void core.api.sync.syncAccount().catch(failed('the sync from the tray did not start')),
    pauseNotifications: (choice) => void pauseNotifications(core, choice, Date.now()).catch(failed('could not pause notifications')),
    resumeNotifications: () => void resumeNotifications(core).catch(failed('could not resume notifications')),
    quit: deps.quit,
  });

  const stopCounting = followUnreadCount(core, (count) => {
    tray.showUnreadCount(count);
    platform.setBadgeCount(count);
    // Windows has no badge count, only an overlay on the taskbar button (and its window, unlike macOS's, is never
    // re-created: closing it quits or hides it, so the overlay set here stays).
    if (platform.os === 'win32') {
      windows.current()?.setOverlayIcon(count > 0 ? platform.paths.unreadOverlayIcon : null, count > 0 ? words.unread(count) : '');
    }
  });
  const stopFollowingPause = followNotificationPause(core, (pausedUntil) => tray.showNotificationPause(pausedUntil));
  const stopNotifying = showMailNotifications(platform, core.events, (target) => {
    windows.show();
    // A window created just now (macOS, after it was closed) has no page listening yet: it opens on its Inbox.
    if (target) windows.current()?.send(eventChannel('ui:openMessage'), target satisfies EventMap['ui:openMessage']);
  });

  return {
    stop() {
      stopCounting();
      stopFollowingPause();
      stopNotifying();
    },
  };
}
