import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectImap } from '../imap/connect';
import { createSyncSink } from '../store/syncSink';
import { header, openTestStore, seedAccount, type TestStore } from '../store/testStore';
import { attachmentNameFor, createOriginalAttachment } from './originalAttachment';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

/** A loopback port nothing listens on: the connection is refused at once, as with a server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('forward as attachment', () => {
  it('names the attachment after the subject, without characters file systems refuse', () => {
    expect(attachmentNameFor('Preventivo: 3/2026 "finale"')).toBe('Preventivo 3 2026 finale.eml');
    expect(attachmentNameFor('   ')).toBe('message.eml');
  });

  it('is offline, a clear code, when the message’s server cannot be reached', async () => {
    const { folderIds } = seedAccount(t.store);
    const [messageId] = createSyncSink(t.store).applyNewMessages(folderIds.get('INBOX') as number, [header(1)]);
    const port = await closedPort();
    const fetchOriginal = createOriginalAttachment({
      store: t.store,
      connect: () => connectImap({ host: '127.0.0.1', port, security: 'none', username: 'anna', password: 'x', pinnedCertSha256: null }),
    });
    await expect(fetchOriginal(messageId as number)).rejects.toMatchObject({ code: 'offline' });
  });

  it('is not-found for a message the cache does not hold, without connecting', async () => {
    const fetchOriginal = createOriginalAttachment({ store: t.store, connect: () => Promise.reject(new Error('must not connect')) });
    await expect(fetchOriginal(4242)).rejects.toMatchObject({ code: 'not-found' });
  });
});
