/**
 * Shows each `mail:notify` the core emits as a native notification in the OS language; a click brings the window
 * back and opens what the notification was about.
 */
import type { EventMap } from '../../shared/api';
import type { MailNotification } from '../../shared/notifications';
import type { Core } from '../core/types';
import { translateNotification } from './notificationStrings';
import type { ShellPlatform } from './platform';

/**
 * What a click opens: the message of a single notification; for a group, the first of its messages, which puts
 * the user in the right folder at the start of what is new.
 */
export function openTarget(notification: MailNotification): EventMap['ui:openMessage'] | null {
  const [messageId] = notification.messageIds;
  return messageId === undefined ? null : { messageId, folderId: notification.folderId };
}

/** Returns the function that stops showing notifications. */
export function showMailNotifications(
  platform: ShellPlatform,
  events: Core['events'],
  open: (target: EventMap['ui:openMessage'] | null) => void,
): () => void {
  return events.on('mail:notify', (notification) => {
    platform.showNotification(translateNotification(platform.locale, notification), () => open(openTarget(notification)));
  });
}
