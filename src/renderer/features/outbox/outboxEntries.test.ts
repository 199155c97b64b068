import { describe, expect, it } from 'vitest';
import type { OutboxEntry, OutboxState } from '../../../shared/api/compose';
import { entryStatus, pendingEntries } from './outboxEntries';

const NOW = Date.UTC(2026, 10, 27, 9, 0);

function entry(id: number, state: OutboxState, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { id, accountId: 'a', draftId: `d${id}`, subject: `S${id}`, to: [], messageIdHeader: `<${id}@x>`, state, sendAt: NOW, sentAt: null, error: null, ...overrides };
}

describe('the outbox view', () => {
  it('lists what is still waiting, sending, failed or unconfirmed, soonest first, never what was sent or taken back', () => {
    const listed = pendingEntries([
      entry(1, 'sent'),
      entry(2, 'queued', { sendAt: NOW + 60_000 }),
      entry(3, 'failed', { sendAt: NOW - 60_000 }),
      entry(4, 'cancelled'),
      entry(5, 'sent-unconfirmed'),
      entry(6, 'sending'),
    ]);
    expect(listed.map((item) => item.id)).toEqual([3, 5, 6, 2]);
  });

  it('calls a queued message scheduled until its time, then waiting; retrying after a failure is waiting', () => {
    expect(entryStatus(entry(1, 'queued', { sendAt: NOW + 3_600_000 }), NOW)).toBe('scheduled');
    expect(entryStatus(entry(1, 'queued'), NOW)).toBe('waiting');
    const retrying = entry(1, 'queued', { sendAt: NOW + 5_000, error: { code: 'connection-refused', message: '' } });
    expect(entryStatus(retrying, NOW)).toBe('waiting');
    expect(entryStatus(entry(1, 'sent-unconfirmed'), NOW)).toBe('unconfirmed');
    expect(entryStatus(entry(1, 'failed'), NOW)).toBe('failed');
  });
});
