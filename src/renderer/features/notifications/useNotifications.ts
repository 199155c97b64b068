import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openTargetOf } from '../../../shared/notifications';
import { useCoreEvent } from '../../lib/hooks';
import { useFolders } from '../folders/mailboxStore';
import { showBrowserNotification } from './browserNotifications';
import { notificationWords } from './notificationWords';
import { openNotifiedMessage } from './openMessage';
import { inboxUnreadCount, pageTitle } from './unreadTitle';

/**
 * New mail, told the same way in both hosts: the page title carries the Inbox unread count; a `mail:notify`
 * becomes a browser notification in web mode (the desktop shell shows its own, natively); and a notification
 * clicked — the browser's here, the shell's through `ui:openMessage` — opens its message.
 */
export function useNotifications(): void {
  const { t } = useTranslation();
  const unreadCount = inboxUnreadCount(useFolders());

  useEffect(() => {
    document.title = pageTitle(unreadCount);
  }, [unreadCount]);

  useCoreEvent('mail:notify', (notification) => {
    if (window.postino) return;
    const target = openTargetOf(notification);
    const tag = `postino-${notification.accountId ?? 'all'}-${notification.messageIds.join(',')}`;
    showBrowserNotification({ ...notificationWords(t, notification), tag }, () => {
      if (target) openNotifiedMessage(target);
    });
  });
  useCoreEvent('ui:openMessage', openNotifiedMessage);
}
