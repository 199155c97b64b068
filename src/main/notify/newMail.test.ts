import { describe, expect, it } from 'vitest';
import type { FolderRole } from '../../shared/types';
import { decideNotifications, pauseUntil, unreadBadge, type NewMailBatch } from './newMail';

const NOW = Date.UTC(2026, 10, 27, 9, 0);
let nextId = 1;

function message(from: string, subject: string, extra: { name?: string; seen?: boolean; flags?: string[] } = {}) {
  return {
    id: nextId++,
    from: { name: extra.name ?? '', address: from },
    subject,
    seen: extra.seen ?? false,
    flags: extra.flags ?? [],
  };
}

function batch(role: FolderRole | null, messages: NewMailBatch['messages'], over: Partial<NewMailBatch> = {}): NewMailBatch {
  return {
    accountId: 'acc-work',
    accountName: 'Work',
    ownAddresses: ['me@studio.example', 'Info@Studio.example'],
    folderId: role === null ? 40 : 1,
    folderRole: role,
    folderName: role === null ? 'Clienti' : 'INBOX',
    messages,
    ...over,
  };
}

describe('new-mail notifications: what is suppressed', () => {
  it.each(['junk', 'trash', 'sent', 'drafts', 'archive', 'all', 'flagged'] as const)('says nothing for mail in %s', (role) => {
    expect(decideNotifications([batch(role, [message('anna@client.example', 'Offer')])], null, NOW)).toEqual([]);
  });

  it("says nothing for the user's own mail, whatever the address's case", () => {
    const own = [message('ME@studio.example', 'Note to self'), message('info@studio.example', 'Copy')];
    expect(decideNotifications([batch('inbox', own)], null, NOW)).toEqual([]);
  });

  it('says nothing for mail already seen, deleted, or marked $Junk', () => {
    const quiet = [
      message('a@x.example', 'Read elsewhere', { seen: true }),
      message('b@x.example', 'Deleted', { flags: ['\\Deleted'] }),
      message('c@x.example', 'Spam', { flags: ['$Junk'] }),
    ];
    expect(decideNotifications([batch('inbox', quiet)], null, NOW)).toEqual([]);
  });

  it('says nothing while paused, and again from the moment the pause ends', () => {
    const news = [batch('inbox', [message('anna@client.example', 'Offer')])];
    expect(decideNotifications(news, NOW + 1, NOW)).toEqual([]);
    expect(decideNotifications(news, NOW, NOW)).toHaveLength(1);
  });
});

describe('new-mail notifications: what is shown', () => {
  it('names sender and subject for one message', () => {
    const anna = message('anna@client.example', '  Offer for March ', { name: 'Anna Rossi' });
    expect(decideNotifications([batch('inbox', [anna, message('me@studio.example', 'mine')])], null, NOW)).toEqual([
      {
        accountId: 'acc-work',
        folderId: 1,
        messageIds: [anna.id],
        title: { key: 'notify.newMessage.title', params: { sender: 'Anna Rossi' } },
        body: { key: 'notify.newMessage.body', params: { subject: 'Offer for March' } },
      },
    ]);
  });

  it('falls back to the address, and to keys for a missing sender or subject', () => {
    const bare = message('bob@client.example', '');
    const [shown] = decideNotifications([batch(null, [bare])], null, NOW);
    expect(shown?.title).toEqual({ key: 'notify.newMessage.title', params: { sender: 'bob@client.example' } });
    expect(shown?.body).toEqual({ key: 'notify.newMessage.bodyNoSubject', params: {} });

    const anonymous = { ...message('x@y.example', 'Hi'), from: null };
    expect(decideNotifications([batch('inbox', [anonymous])], null, NOW)[0]?.title).toEqual({
      key: 'notify.newMessage.titleUnknownSender',
      params: { account: 'Work' },
    });
  });

  it('groups several messages per account and folder: "5 new messages in Work"', () => {
    const five = [
      message('a@x.example', '1', { name: 'Anna' }),
      message('b@x.example', '2', { name: 'Bruno' }),
      message('a@x.example', '3', { name: 'Anna' }),
      message('c@x.example', '4', { name: 'Carla' }),
      message('d@x.example', '5'),
    ];
    const filed = [message('e@x.example', 'filed'), message('f@x.example', 'filed too')];
    const shown = decideNotifications([batch('inbox', five), batch(null, filed)], null, NOW);
    expect(shown.map((n) => [n.title, n.body])).toEqual([
      [
        { key: 'notify.newMessages.inInbox', params: { count: 5, account: 'Work' } },
        { key: 'notify.newMessages.senders', params: { senders: 'Anna, Bruno, Carla', others: 1 } },
      ],
      [
        { key: 'notify.newMessages.inFolder', params: { count: 2, folder: 'Clienti', account: 'Work' } },
        { key: 'notify.newMessages.senders', params: { senders: 'e@x.example, f@x.example', others: 0 } },
      ],
    ]);
    expect(shown[0]?.messageIds).toEqual(five.map((m) => m.id));
  });

  it('merges batches of the same folder and counts a repeated message once', () => {
    const first = message('a@x.example', 'one');
    const second = message('b@x.example', 'two');
    const shown = decideNotifications([batch('inbox', [first]), batch('inbox', [first, second])], null, NOW);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.messageIds).toEqual([first.id, second.id]);
  });

  it('keeps one notification per account for the same folder id on different accounts', () => {
    const shown = decideNotifications(
      [batch('inbox', [message('a@x.example', 'one')]), batch('inbox', [message('b@x.example', 'two')], { accountId: 'acc-home' })],
      null,
      NOW,
    );
    expect(shown.map((n) => n.accountId)).toEqual(['acc-work', 'acc-home']);
  });

  it('sums news from more than three folders into one notification', () => {
    const accounts = ['Work', 'Home', 'Club', 'Shop'];
    const batches = accounts.map((name, index) =>
      batch('inbox', [message(`s${index}@x.example`, 'hi')], { accountId: `acc-${index}`, accountName: name }),
    );
    expect(decideNotifications(batches, null, NOW)).toEqual([
      {
        accountId: null,
        folderId: null,
        messageIds: batches.map((b) => b.messages[0]?.id),
        title: { key: 'notify.newMessages.summary', params: { count: 4, folders: 4 } },
        body: { key: 'notify.newMessages.accounts', params: { accounts: 'Work, Home, Club, Shop' } },
      },
    ]);
  });
});

describe('notification pause and tray badge', () => {
  it('pauses for one hour from now', () => {
    expect(pauseUntil('one-hour', NOW)).toBe(NOW + 3_600_000);
  });

  it('pauses "until tomorrow" to 08:00 local time of the next day', () => {
    const evening = new Date(2026, 10, 27, 22, 30).getTime();
    expect(pauseUntil('until-tomorrow', evening)).toBe(new Date(2026, 10, 28, 8, 0).getTime());
    const newYearsEve = new Date(2026, 11, 31, 18, 0).getTime();
    expect(pauseUntil('until-tomorrow', newYearsEve)).toBe(new Date(2027, 0, 1, 8, 0).getTime());
  });

  it('counts unread mail in Inbox folders only', () => {
    const folders = [
      { role: 'inbox' as const, unreadCount: 3 },
      { role: 'inbox' as const, unreadCount: 4 },
      { role: 'junk' as const, unreadCount: 50 },
      { role: null, unreadCount: 9 },
    ];
    expect(unreadBadge(folders)).toBe(7);
    expect(unreadBadge([])).toBe(0);
  });
});
