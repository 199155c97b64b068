import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import {
  askNotificationPermission,
  notificationPermission,
  promptDismissed,
  rememberPromptDismissed,
  shouldOfferPrompt,
} from './browserNotifications';
import { useNotifications } from './useNotifications';
import './notifications.css';

/** Keeps the title and notifications current; in a browser, offers to turn notifications on. */
export function NotificationsHost() {
  useNotifications();
  return window.postino ? null : <EnableNotificationsPrompt />;
}

function EnableNotificationsPrompt() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(notificationPermission);
  const [dismissed, setDismissed] = useState(promptDismissed);
  if (!shouldOfferPrompt(permission, dismissed)) return null;

  const enable = () => {
    // Asked from this click: the user gesture browsers require before they show the permission request.
    askNotificationPermission().then(setPermission, () => setPermission(notificationPermission()));
  };
  const dismiss = () => {
    rememberPromptDismissed();
    setDismissed(true);
  };
  return (
    <div className="banner banner--notice notifications-prompt" role="status">
      <Icon name="mail" />
      <span className="notifications-prompt__text">{t('notify.prompt.text')}</span>
      <span className="notifications-prompt__actions">
        <button type="button" className="button button--small" onClick={dismiss}>
          {t('notify.prompt.dismiss')}
        </button>
        <button type="button" className="button button--small button--primary" onClick={enable}>
          {t('notify.prompt.enable')}
        </button>
      </span>
    </div>
  );
}
