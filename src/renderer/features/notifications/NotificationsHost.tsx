import { useNotifications } from './useNotifications';

/**
 * Keeps the title and notifications current. The browser's "enable notifications" offer is not here but at the
 * foot of the left pane (NotificationsPrompt), where it fits a pane instead of floating over two.
 */
export function NotificationsHost() {
  useNotifications();
  return null;
}
