import { describe, expect, it } from 'vitest';
import type { MailNotification } from '../../shared/notifications';
import { decideNotifications, type NewMailBatch } from '../notify/newMail';
import { translateNotification, translateNotificationText } from './notificationStrings';

type Message = NewMailBatch['messages'][number];
const message = (id: number, name: string, subject: string): Message => ({
  id,
  from: name ? { name, address: `${name.toLowerCase()}@example.com` } : null,
  subject,
  seen: false,
  flags: [],
});
const batch = (folderId: number, role: NewMailBatch['folderRole'], messages: Message[]): NewMailBatch => ({
  accountId: `a${folderId}`,
  accountName: 'Studio',
  ownAddresses: ['me@studio.example'],
  folderId,
  folderRole: role,
  folderName: 'Work',
  messages,
});

/** Every shape of notification the core's rules produce, so each of their keys is checked here. */
function everyKindOfNotification(): MailNotification[] {
  const five = [1, 2, 3, 4, 5].map((id) => message(id, `Sender${id}`, `Subject ${id}`));
  return [
    ...decideNotifications([batch(1, 'inbox', [message(1, 'Anna', 'Hello')])], null, 0),
    ...decideNotifications([batch(1, 'inbox', [message(1, '', '')])], null, 0),
    ...decideNotifications([batch(1, 'inbox', five)], null, 0),
    ...decideNotifications([batch(2, null, five.slice(0, 2))], null, 0),
    ...decideNotifications([1, 2, 3, 4].map((id) => batch(id, 'inbox', [message(id, 'Anna', 'Hi')])), null, 0),
  ];
}

describe('notification words in the desktop app', () => {
  it('put every key the core’s rules use into English and Italian words', () => {
    const notifications = everyKindOfNotification();
    const keys = new Set(notifications.flatMap((n) => [n.title.key, n.body.key]));
    expect(keys.size).toBe(9);
    for (const locale of ['en-US', 'it-IT']) {
      for (const text of notifications.flatMap((n) => [n.title, n.body])) {
        // The fallback joins the parameters with a dash; a translated text never does.
        expect(translateNotificationText(locale, text), `${locale} ${text.key}`).not.toContain(' — ');
      }
    }
  });

  it('name sender and subject of a lone message', () => {
    const [lone] = decideNotifications([batch(1, 'inbox', [message(1, 'Anna', 'Preventivo')])], null, 0);
    expect(translateNotification('en-GB', lone!)).toEqual({ title: 'Anna', body: 'Preventivo' });
  });

  it('count several messages in a folder, as "5 new messages in Work"', () => {
    const five = [1, 2, 3, 4, 5].map((id) => message(id, `S${id}`, 'x'));
    const [group] = decideNotifications([batch(2, null, five)], null, 0);
    expect(translateNotification('en', group!)).toEqual({ title: '5 new messages in Work', body: 'From S1, S2, S3 and 2 others' });
    expect(translateNotification('it', group!)).toEqual({ title: '5 nuovi messaggi in Work', body: 'Da S1, S2, S3 e altri 2' });
  });

  it('fall back to the parameters for a key they do not know, so the news is not lost', () => {
    expect(translateNotificationText('en', { key: 'notify.future', params: { sender: 'Anna', count: 2 } })).toBe('Anna — 2');
  });
});
