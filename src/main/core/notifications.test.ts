import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailNotification } from '../../shared/notifications';
import { updateAccount } from '../store/accounts';
import { openTestStore, seedAccount, type TestStore } from '../store/testStore';
import { createCoreEvents } from './events';
import { forwardNotifications } from './notifications';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

describe('new-mail notifications', () => {
  it('count mail from any of the account’s identities, aliases included, as the user’s own: no notification', () => {
    const { accountId, folderIds } = seedAccount(t.store);
    updateAccount(t.store, accountId, { aliases: [{ address: 'info@postino.test', name: 'Studio', signature: '' }] });
    const events = createCoreEvents();
    const shown: MailNotification[] = [];
    events.on('mail:notify', (notification) => shown.push(notification));
    forwardNotifications({ store: t.store, events, now: () => 0 });
    const message = (id: number, address: string) => ({ id, from: { name: '', address }, subject: `S${id}`, seen: false, flags: [] });
    const folderId = folderIds.get('INBOX') as number;
    events.emit('mail:new', { accountId, folderId, messages: [message(1, 'INFO@postino.test'), message(2, 'anna@postino.test')] } as never);
    expect(shown).toEqual([]);
    events.emit('mail:new', { accountId, folderId, messages: [message(3, 'bruno@example.com')] } as never);
    expect(shown.map((notification) => notification.messageIds)).toEqual([[3]]);
  });
});
