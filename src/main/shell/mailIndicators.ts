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
import type { ShellPlatform, ShellWindow } from './platform';
import type { ShellPreferences } from './preferences';
import { shellStrings } from './strings';
import { createAppTray } from './tray';
import { followUnreadCount } from './unreadCount';

export interface MailIndicators {
  /** Gives a newly created window the current overlay (only Windows has one). */
  decorate(window: ShellWindow): void;
  stop(): void;
}

export function startMailIndicators(deps: {
  platform: ShellPlatform;
  preferences: ShellPreferences;
  core: Pick<Core, 'api' | 'events'>;
  windows: WindowKeeper;
  quit(): void;
}): MailIndicators {
  const { platform, core, windows } = deps;
  const words = shellStrings(platform.locale);
  const failed = (what: string) => (err: unknown) => console.error(`Postino: ${what}`, err);
  let unreadCount = 0;

  const decorate = (window: ShellWindow) => {
    // Electron has the overlay on Windows alone; elsewhere the badge and the tray carry the count.
    if (platform.os !== 'win32') return;
    window.setOverlayIcon(unreadCount > 0 ? platform.paths.unreadOverlayIcon : null, unreadCount > 0 ? words.unread(unreadCount) : '');
  };

  const tray = createAppTray(platform, deps.preferences, {
    showWindow: () => windows.show(),
    syncNow: () => void core.api.sync.syncAccount().catch(failed('the sync from the tray did not start')),
    pauseNotifications: (choice) => void pauseNotifications(core, choice, Date.now()).catch(failed('could not pause notifications')),
    resumeNotifications: () => void resumeNotifications(core).catch(failed('could not resume notifications')),
    quit: deps.quit,
  });

  const stopCounting = followUnreadCount(core, (count) => {
    unreadCount = count;
    tray.showUnreadCount(count);
    platform.setBadgeCount(count);
    const window = windows.current();
    if (window) decorate(window);
  });
  const stopFollowingPause = followNotificationPause(core, (pausedUntil) => tray.showNotificationPause(pausedUntil));
  const stopNotifying = showMailNotifications(platform, core.events, (target) => {
    windows.show();
    // A window created just now (macOS, after it was closed) has no page listening yet: it opens on its Inbox.
    if (target) windows.current()?.send(eventChannel('ui:openMessage'), target satisfies EventMap['ui:openMessage']);
  });

  return {
    decorate,
    stop() {
      stopCounting();
      stopFollowingPause();
      stopNotifying();
    },
  };
}
