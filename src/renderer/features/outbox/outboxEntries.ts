/** Which outbox entries the Outbox view lists, in which order, and how each one's state is put into words. */
import type { OutboxEntry } from '../../../shared/api/compose';

/** What the user can still act on: sent and cancelled messages have left the outbox. */
export function pendingEntries(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return entries
    .filter((entry) => entry.state !== 'sent' && entry.state !== 'cancelled')
    .sort((a, b) => a.sendAt - b.sendAt || a.id - b.id);
}

/**
 * How an entry is shown:
 * - waiting: queued and due, or retrying after the server could not be reached (`error` says why)
 * - scheduled: queued for a later time (send later, or the undo delay)
 * - sending, failed, unconfirmed: as the outbox states say
 */
export type EntryStatus = 'waiting' | 'scheduled' | 'sending' | 'failed' | 'unconfirmed';

export function entryStatus(entry: OutboxEntry, now: number): EntryStatus {
  if (entry.state === 'sending') return 'sending';
  if (entry.state === 'failed') return 'failed';
  if (entry.state === 'sent-unconfirmed') return 'unconfirmed';
  return entry.sendAt > now && entry.error === null ? 'scheduled' : 'waiting';
}
