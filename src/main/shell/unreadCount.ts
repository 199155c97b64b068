/**
 * Keeps the unread count of the Inbox folders current for the tray, the dock/launcher badge and the taskbar
 * overlay: recounted from the cache after the writes that can change it, at most once per burst of a sync.
 */
import type { ChangeRecord } from '../../shared/types';
import type { Core } from '../core/types';
import { unreadBadge } from '../notify/newMail';

/** A sync writes in batches; the count follows within half a second of the last one, not after each. */
export const UNREAD_REFRESH_DELAY_MS = 500;

/** Folder rows hold the counts; messages change them (read, moved, deleted); removing an account drops its. */
const COUNTING_ENTITIES = new Set<ChangeRecord['entity']>(['folder', 'message', 'account']);

/** Calls `show` with the count now and whenever it changes; returns the function that stops following. */
export function followUnreadCount(core: Pick<Core, 'api' | 'events'>, show: (count: number) => void): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  let latestRequest = 0;
  let shownCount: number | null = null;
  let stopped = false;

  const recount = async () => {
    const request = ++latestRequest;
    try {
      const count = unreadBadge(await core.api.folders.list());
      // An older recount finishing after a newer one must not put back a stale number.
      if (stopped || request !== latestRequest || count === shownCount) return;
      shownCount = count;
      show(count);
    } catch (err) {
      console.error('Postino: could not count unread mail', err);
    }
  };

  void recount();
  const unsubscribe = core.events.on('store:changed', (change) => {
    if (!COUNTING_ENTITIES.has(change.entity) || pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      void recount();
    }, UNREAD_REFRESH_DELAY_MS);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (pending !== null) clearTimeout(pending);
  };
}
