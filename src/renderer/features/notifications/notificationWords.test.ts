import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MailNotification } from '../../../shared/notifications';
import en from '../../i18n/en.json';
import it_ from '../../i18n/it.json';
import { notificationWords, type Translate } from './notificationWords';

const notification = (title: MailNotification['title'], body: MailNotification['body']): MailNotification => ({
  accountId: 'a1',
  folderId: 3,
  messageIds: [1],
  title,
  body,
});

describe('notification words in the browser', () => {
  const translators: Record<'en' | 'it', Translate> = { en: () => '', it: () => '' };
  beforeAll(async () => {
    for (const language of ['en', 'it'] as const) {
      const instance = i18next.createInstance();
      await instance.init({ resources: { en: { translation: en }, it: { translation: it_ } }, lng: language, fallbackLng: 'en' });
      translators[language] = (key, options) => instance.t(key, options);
    }
  });

  it('name the sender and the subject of a lone message, unescaped', () => {
    const lone = notification(
      { key: 'notify.newMessage.title', params: { sender: 'Anna & Bruno' } },
      { key: 'notify.newMessage.body', params: { subject: 'Q&A <draft>' } },
    );
    expect(notificationWords(translators.en, lone)).toEqual({ title: 'Anna & Bruno', body: 'Q&A <draft>' });
  });

  it('say "5 new messages in Work" and name the first senders, counting the rest', () => {
    const group = notification(
      { key: 'notify.newMessages.inFolder', params: { count: 5, folder: 'Work', account: 'Studio' } },
      { key: 'notify.newMessages.senders', params: { senders: 'Anna, Bruno, Carla', others: 2 } },
    );
    expect(notificationWords(translators.en, group)).toEqual({ title: '5 new messages in Work', body: 'From Anna, Bruno, Carla and 2 others' });
    expect(notificationWords(translators.it, group)).toEqual({ title: '5 nuovi messaggi in Work', body: 'Da Anna, Bruno, Carla e altri 2' });
    const oneOther = notification(group.title, { key: 'notify.newMessages.senders', params: { senders: 'Anna, Bruno, Carla', others: 1 } });
    expect(notificationWords(translators.en, oneOther).body).toBe('From Anna, Bruno, Carla and 1 other');
    expect(notificationWords(translators.it, oneOther).body).toBe('Da Anna, Bruno, Carla e un altro');
  });

  it('name all senders when there are no others, and word the rest of the core’s keys', () => {
    const cases: Array<[MailNotification['title'], string]> = [
      [{ key: 'notify.newMessages.senders', params: { senders: 'Anna', others: 0 } }, 'From Anna'],
      [{ key: 'notify.newMessages.inInbox', params: { count: 2, account: 'Studio' } }, '2 new messages in Studio'],
      [{ key: 'notify.newMessage.titleUnknownSender', params: { account: 'Studio' } }, 'New message in Studio'],
      [{ key: 'notify.newMessage.bodyNoSubject', params: {} }, '(no subject)'],
      [{ key: 'notify.newMessages.summary', params: { count: 12, folders: 4 } }, '12 new messages in 4 folders'],
      [{ key: 'notify.newMessages.accounts', params: { accounts: 'Studio, Casa' } }, 'Studio, Casa'],
    ];
    for (const [text, expected] of cases) {
      expect(notificationWords(translators.en, notification(text, text)).title, text.key).toBe(expected);
    }
  });
});
