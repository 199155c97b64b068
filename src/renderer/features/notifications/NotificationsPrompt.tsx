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
import './notifications.css';

/**
 * In a browser, offers to turn notifications on: a card at the foot of the left pane, text above and the two
 * buttons below. The desktop app notifies without asking, so there it renders nothing.
 */
export function NotificationsPrompt() {
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
    <div className="notifications-prompt" role="status">
      <p className="notifications-prompt__text">
        <Icon name="mail" />
        <span>{t('notify.prompt.text')}</span>
      </p>
      <div className="notifications-prompt__actions">
        <button type="button" className="button button--small" onClick={dismiss}>
          {t('notify.prompt.dismiss')}
        </button>
        <button type="button" className="button button--small button--primary" onClick={enable}>
          {t('notify.prompt.enable')}
        </button>
      </div>
    </div>
  );
}
