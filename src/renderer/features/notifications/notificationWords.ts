import type { MailNotification, NotificationText } from '../../../shared/notifications';

/** The slice of i18next's `t` used here, so the words can be tested with any i18next instance. */
export type Translate = (key: string, options: Record<string, unknown>) => string;

function words(t: Translate, text: NotificationText): string {
  // i18next chooses plural forms by `count` only; the senders line counts the senders it leaves unnamed.
  const others = Number(text.params.others ?? 0);
  const [key, params] =
    text.key === 'notify.newMessages.senders' && others > 0
      ? ['notify.newMessages.sendersAndOthers', { ...text.params, count: others }]
      : [text.key, text.params];
  // A notification is plain text: escaping would show "&amp;" for a subject's "&".
  return t(key, { ...params, interpolation: { escapeValue: false } });
}

/** A notification's title and body in the UI language (the core sends message keys, src/main/notify). */
export function notificationWords(t: Translate, notification: MailNotification): { title: string; body: string } {
  return { title: words(t, notification.title), body: words(t, notification.body) };
}
