/**
 * The browser's Notification API, for web mode (the desktop app shows native notifications from the shell, and
 * its pages are denied this permission). Permission is asked only from a click: browsers ignore or penalise a
 * request made without a user gesture.
 */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

/** 'unsupported' when the API is missing, e.g. a page served over plain http from another machine. */
export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Call from a click handler. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/**
 * Shows a notification if the user allowed them; a click brings this tab forward and runs `onClick`. Every open
 * tab hears the same `mail:notify`: the shared `tag` makes the browser replace rather than repeat it.
 */
export function showBrowserNotification(content: { title: string; body: string; tag: string }, onClick: () => void): void {
  if (notificationPermission() !== 'granted') return;
  const notification = new Notification(content.title, { body: content.body, tag: content.tag });
  notification.onclick = () => {
    window.focus();
    notification.close();
    onClick();
  };
}

const PROMPT_DISMISSED_KEY = 'postino.notificationPromptDismissed';

/** The "Enable notifications" prompt shows while the browser has not been asked and the user has not said "not now". */
export function shouldOfferPrompt(permission: NotificationPermissionState, dismissed: boolean): boolean {
  return permission === 'default' && !dismissed;
}

export function promptDismissed(): boolean {
  try {
    return window.localStorage.getItem(PROMPT_DISMISSED_KEY) === 'true';
  } catch {
    // Storage blocked by the browser's privacy settings: offer the prompt again next time.
    return false;
  }
}

export function rememberPromptDismissed(): void {
  try {
    window.localStorage.setItem(PROMPT_DISMISSED_KEY, 'true');
  } catch {
    // As above: the prompt returns on the next visit, nothing worse.
  }
}
