/**
 * "Pause notifications" from the tray: the pause is the `notificationsPausedUntil` setting, so the core's rules
 * (src/main/notify) honour it whichever window set it, and it survives a restart.
 */
import type { Core } from '../core/types';
import { pauseUntil, type NotificationPause } from '../notify/newMail';

/** setTimeout's ceiling (about 24.8 days); a longer pause is re-checked when this fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SettingsCore = Pick<Core, 'api' | 'events'>;

export async function pauseNotifications(core: SettingsCore, choice: NotificationPause, now: number): Promise<void> {
  await core.api.settings.update({ notificationsPausedUntil: pauseUntil(choice, now) });
}

export async function resumeNotifications(core: SettingsCore): Promise<void> {
  await core.api.settings.update({ notificationsPausedUntil: null });
}

/**
 * Calls `show` with the end of the pause (epoch ms), or null when notifications are on: now, whenever the setting
 * changes, and when a pause runs out. Returns the function that stops following.
 */
export function followNotificationPause(core: SettingsCore, show: (pausedUntil: number | null) => void): () => void {
  let expiry: ReturnType<typeof setTimeout> | null = null;
  let pausedUntil: number | null = null;
  let stopped = false;

  const apply = (until: number | null) => {
    if (expiry !== null) clearTimeout(expiry);
    expiry = null;
    const now = Date.now();
    pausedUntil = until !== null && until > now ? until : null;
    show(pausedUntil);
    if (pausedUntil !== null) expiry = setTimeout(() => apply(pausedUntil), Math.min(pausedUntil - now, MAX_TIMER_MS));
  };
  const reload = async () => {
    try {
      const { notificationsPausedUntil } = await core.api.settings.get();
      if (!stopped) apply(notificationsPausedUntil);
    } catch (err) {
      console.error('Postino: could not read the notification pause', err);
    }
  };

  void reload();
  const unsubscribe = core.events.on('store:changed', (change) => {
    if (change.entity === 'settings') void reload();
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (expiry !== null) clearTimeout(expiry);
  };
}
