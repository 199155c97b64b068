import type { NotificationPause } from '../notify/newMail';
import type { ShellPreferences } from './preferences';
import type { ShellPlatform, TrayItem } from './platform';
import { shellStrings } from './strings';

export interface TrayActions {
  showWindow(): void;
  syncNow(): void;
  pauseNotifications(choice: NotificationPause): void;
  resumeNotifications(): void;
  quit(): void;
}

/** What the tray shows beyond its menu's fixed items; the shell updates it as the core's data changes. */
export interface AppTray {
  /** Unread messages in the Inbox folders: the tooltip, and the title beside the icon on macOS. */
  showUnreadCount(count: number): void;
  /** Epoch ms notifications are paused until, or null: the menu offers pausing or resuming accordingly. */
  showNotificationPause(pausedUntil: number | null): void;
}

/**
 * The tray icon: a way back to the window when it is closed to the tray, a sync button, pausing notifications,
 * the tray setting itself, and Quit.
 */
export function createAppTray(platform: ShellPlatform, preferences: ShellPreferences, actions: TrayActions): AppTray {
  const words = shellStrings(platform.locale);
  const tray = platform.createTray(platform.paths.trayIcon, 'Postino');
  let pausedUntil: number | null = null;

  const pauseItems = (): TrayItem[] =>
    pausedUntil === null
      ? [
          { label: words.pauseOneHour, click: () => actions.pauseNotifications('one-hour') },
          { label: words.pauseUntilTomorrow, click: () => actions.pauseNotifications('until-tomorrow') },
        ]
      : [{ label: words.resume(formatPauseEnd(pausedUntil, Date.now(), platform.locale)), click: () => actions.resumeNotifications() }];

  const menu = (): TrayItem[] => [
    { label: words.open, click: () => actions.showWindow() },
    { label: words.syncNow, click: () => actions.syncNow() },
    { label: '', type: 'separator' },
    ...pauseItems(),
    { label: '', type: 'separator' },
    {
      label: words.keepInTray,
      type: 'checkbox',
      checked: preferences.closeToTray(),
      click: (checked) => {
        preferences.setCloseToTray(checked);
        tray.setMenu(menu());
      },
    },
    { label: '', type: 'separator' },
    { label: words.quit, click: () => actions.quit() },
  ];
  tray.setMenu(menu());
  tray.onClick(() => actions.showWindow());

  return {
    showUnreadCount(count) {
      tray.setToolTip(count > 0 ? words.unread(count) : 'Postino');
      tray.setTitle(count > 0 ? String(count) : '');
    },
    showNotificationPause(until) {
      if (until === pausedUntil) return;
      pausedUntil = until;
      tray.setMenu(menu());
    },
  };
}

/** "2:30 PM" ("14:30") for a pause ending today, "Sat 8:00 AM" ("sab 08:00") for one ending another day. */
export function formatPauseEnd(until: number, now: number, locale: string): string {
  const sameDay = new Date(until).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', ...(sameDay ? {} : { weekday: 'short' }) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(until);
  } catch {
    // Electron may report a locale ICU does not know.
    return new Intl.DateTimeFormat('en', options).format(until);
  }
}
