/**
 * Shows each `mail:notify` the core emits as a native notification in the OS language; a click brings the window
 * back and opens what the notification was about.
 */
import type { EventMap } from '../../shared/api';
import { openTargetOf } from '../../shared/notifications';
import type { Core } from '../core/types';
import { translateNotification } from './notificationStrings';
import type { ShellPlatform } from './platform';

/** Returns the function that stops showing notifications. */
export function showMailNotifications(
  platform: ShellPlatform,
  events: Core['events'],
  open: (target: EventMap['ui:openMessage'] | null) => void,
): () => void {
  return events.on('mail:notify', (notification) => {
    platform.showNotification(translateNotification(platform.locale, notification), () => open(openTargetOf(notification)));
  });
}
