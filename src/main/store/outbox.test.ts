import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getOutbox, insertOutbox, recoverInterruptedSends, transitionOutbox } from './outbox';
import { openTestStore, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let accountId: string;
beforeEach(() => {
  t = openTestStore();
  accountId = seedAccount(t.store).accountId;
});
afterEach(() => t.dispose());

const queue = (): number =>
  t.store.write(
    () =>
      insertOutbox(
        t.store.db,
        {
          accountId,
          draft: { draftId: 'd', accountId, revision: 1, to: [], cc: [], bcc: [], subject: 'Ciao', html: '', attachments: [] },
          messageIdHeader: '<x@postino.test>',
          subject: 'Ciao',
          to: [{ name: '', address: 'bob@postino.test' }],
          envelopeFrom: 'anna@postino.test',
          envelopeTo: ['bob@postino.test'],
          mime: Buffer.from('Subject: Ciao\r\n\r\nCiao\r\n'),
          sentCopyMime: Buffer.from('Subject: Ciao\r\n\r\nCiao\r\n'),
          sendAt: 0,
        },
        0,
      ),
    () => null,
  );
const move = (id: number, from: 'queued' | 'sending', to: 'sending' | 'in-data') =>
  t.store.write(() => transitionOutbox(t.store.db, id, from, to), () => null);

describe('outbox recovery after a crash', () => {
  it('queues again a message whose bytes had not gone out, and never one that was in DATA', () => {
    const notStarted = queue();
    const inData = queue();
    move(notStarted, 'queued', 'sending');
    move(inData, 'queued', 'sending');
    move(inData, 'sending', 'in-data');

    expect(t.store.write(() => recoverInterruptedSends(t.store.db), () => null)).toEqual({ requeued: 1, unconfirmed: 1 });
    expect(getOutbox(t.store.db, notStarted).state).toBe('queued');
    expect(getOutbox(t.store.db, inData)).toMatchObject({ state: 'sent-unconfirmed', error: { code: 'server-dropped' } });
  });

  it('a cancelled message cannot be picked up for sending', () => {
    const id = queue();
    expect(t.store.write(() => transitionOutbox(t.store.db, id, 'queued', 'cancelled'), () => null)).toBe(true);
    expect(move(id, 'queued', 'sending')).toBe(false);
  });
});
