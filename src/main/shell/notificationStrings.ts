/**
 * The words of new-mail notifications in the desktop app: the core (src/main/notify/newMail.ts) decides them as
 * message keys and parameters, and the shell, which has no i18next, puts them into the OS language here. The
 * renderer holds the same keys in src/renderer/i18n for web mode.
 */
import type { NotificationText } from '../../shared/notifications';
import type { NotificationContent } from './platform';

type Params = NotificationText['params'];
type Phrases = Record<string, (params: Params) => string>;

const text = (params: Params, name: string): string => String(params[name] ?? '');
const count = (params: Params, name: string): number => Number(params[name] ?? 0);

const PHRASES: Record<'en' | 'it', Phrases> = {
  en: {
    'notify.newMessage.title': (p) => text(p, 'sender'),
    'notify.newMessage.titleUnknownSender': (p) => `New message in ${text(p, 'account')}`,
    'notify.newMessage.body': (p) => text(p, 'subject'),
    'notify.newMessage.bodyNoSubject': () => '(no subject)',
    'notify.newMessages.inInbox': (p) => `${messages(count(p, 'count'), 'en')} in ${text(p, 'account')}`,
    'notify.newMessages.inFolder': (p) => `${messages(count(p, 'count'), 'en')} in ${text(p, 'folder')}`,
    'notify.newMessages.senders': (p) => {
      const others = count(p, 'others');
      if (others === 0) return `From ${text(p, 'senders')}`;
      return `From ${text(p, 'senders')} and ${others === 1 ? '1 other' : `${others} others`}`;
    },
    'notify.newMessages.summary': (p) => `${messages(count(p, 'count'), 'en')} in ${count(p, 'folders')} folders`,
    'notify.newMessages.accounts': (p) => text(p, 'accounts'),
  },
  it: {
    'notify.newMessage.title': (p) => text(p, 'sender'),
    'notify.newMessage.titleUnknownSender': (p) => `Nuovo messaggio in ${text(p, 'account')}`,
    'notify.newMessage.body': (p) => text(p, 'subject'),
    'notify.newMessage.bodyNoSubject': () => '(nessun oggetto)',
    'notify.newMessages.inInbox': (p) => `${messages(count(p, 'count'), 'it')} in ${text(p, 'account')}`,
    'notify.newMessages.inFolder': (p) => `${messages(count(p, 'count'), 'it')} in ${text(p, 'folder')}`,
    'notify.newMessages.senders': (p) => {
      const others = count(p, 'others');
      if (others === 0) return `Da ${text(p, 'senders')}`;
      return `Da ${text(p, 'senders')} e ${others === 1 ? 'un altro' : `altri ${others}`}`;
    },
    'notify.newMessages.summary': (p) => `${messages(count(p, 'count'), 'it')} in ${count(p, 'folders')} cartelle`,
    'notify.newMessages.accounts': (p) => text(p, 'accounts'),
  },
};

function messages(n: number, language: 'en' | 'it'): string {
  if (language === 'it') return n === 1 ? '1 nuovo messaggio' : `${n} nuovi messaggi`;
  return n === 1 ? '1 new message' : `${n} new messages`;
}

/**
 * One key in the OS language. A key this table lacks (a newer core) shows the parameters rather than nothing,
 * so the user still learns that mail arrived.
 */
export function translateNotificationText(locale: string, message: NotificationText): string {
  const phrases = locale.toLowerCase().startsWith('it') ? PHRASES.it : PHRASES.en;
  const phrase = phrases[message.key];
  return phrase ? phrase(message.params) : Object.values(message.params).join(' — ');
}

export function translateNotification(locale: string, notification: { title: NotificationText; body: NotificationText }): NotificationContent {
  return {
    title: translateNotificationText(locale, notification.title),
    body: translateNotificationText(locale, notification.body),
  };
}
