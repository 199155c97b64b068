/**
 * Turns the sync engine's `mail:new` batches into `mail:notify` events: the rules (src/main/notify) decide what
 * deserves a notification; the Electron shell shows it natively, web mode through the browser's Notification API.
 */
import { decideNotifications } from '../notify/newMail';
import { findAccount } from '../store/accounts';
import { getFolder } from '../store/folders';
import { getSettings } from '../store/settings';
import type { Store } from '../store/store';
import type { CoreEvents } from './events';

export function forwardNotifications(deps: { store: Store; events: CoreEvents; now: () => number }): () => void {
  const { store, events } = deps;
  return events.on('mail:new', ({ accountId, folderId, messages }) => {
    const account = findAccount(store.db, accountId);
    if (!account) return; // removed while its sync was finishing
    const folder = getFolder(store.db, folderId);
    const batch = {
      accountId,
      accountName: account.displayName || account.address,
      ownAddresses: account.identities.map((identity) => identity.address),
      folderId,
      folderRole: folder.role,
      folderName: folder.name,
      messages,
    };
    const { notificationsPausedUntil } = getSettings(store.db);
    for (const notification of decideNotifications([batch], notificationsPausedUntil, deps.now())) {
      events.emit('mail:notify', notification);
    }
  });
}
