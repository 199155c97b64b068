/**
 * Opens a message the user clicked in a notification: selects its folder, then the message, through the folder
 * pane's and the message list's stores.
 */
import type { EventMap } from '../../../shared/api';
import { sameMailbox, useMailboxStore, type Mailbox } from '../folders/mailboxStore';
import { useSelectionStore } from '../message-list/selectionStore';

/** Longest wait for the message list to take the new folder before the message is opened regardless. */
const LIST_RESET_TIMEOUT_MS = 1000;

/** New mail sorts first in the list, so the cursor starts on the top row. */
const NEW_MAIL_ROW = 0;

export function openNotifiedMessage({ messageId, folderId }: EventMap['ui:openMessage']): void {
  const target: Mailbox = folderId === null ? { kind: 'unified' } : { kind: 'folder', folderId };
  const open = () => useSelectionStore.getState().open(messageId, NEW_MAIL_ROW);
  if (sameMailbox(useMailboxStore.getState().selected, target)) {
    open();
    return;
  }
  // The message list empties the selection once it has switched to the new folder (an effect after its render):
  // the message is opened right after that, or it would be closed again at once.
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    unsubscribe();
    clearTimeout(fallback);
    if (sameMailbox(useMailboxStore.getState().selected, target)) open();
  };
  const unsubscribe = useSelectionStore.subscribe(settle);
  const fallback = setTimeout(settle, LIST_RESET_TIMEOUT_MS);
  useMailboxStore.getState().select(target);
}
