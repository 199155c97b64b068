// The header stream's fallback. A real server answers what the stream's reader understands (tests/integration/
// headerStream.test.ts), so the one thing no rig can produce, an answer the reader cannot follow, is staged here with
// the IMAP operations stood in for; the cache they write into is a real one.
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolderChanges } from '../imap/ops/fetchChanges';
import { fetchChanges } from '../imap/ops/fetchChanges';
import { fetchHeaders } from '../imap/ops/fetchHeaders';
import { streamHeaders } from '../imap/ops/streamHeaders';
import type { ImapPool } from '../imap/pool';
import { ResponseFormatError } from '../imap/responseReader';
import { createSyncSink } from '../store/syncSink';
import { header, openTestStore, seedAccount, type TestStore } from '../store/testStore';
import { syncFolderHeaders } from './folderSync';

vi.mock('../imap/ops/fetchChanges', () => ({ fetchChanges: vi.fn() }));
vi.mock('../imap/ops/fetchHeaders', () => ({ fetchHeaders: vi.fn() }));
vi.mock('../imap/ops/streamHeaders', () => ({ streamHeaders: vi.fn() }));

let opened: TestStore | undefined;
afterEach(() => {
  opened?.dispose();
  opened = undefined;
  vi.clearAllMocks();
});

const UIDS = Array.from({ length: 300 }, (_, i) => i + 1);
const pool: ImapPool = { run: (_accountId, _lane, work) => work({} as ImapFlow), closeAccount: async () => {}, close: async () => {} };

/** A first sync of a 300-message Inbox whose headers past the first 20 go to `stream`; batches return every UID asked. */
function firstSync(stream: typeof streamHeaders) {
  opened = openTestStore();
  const { store } = opened;
  const { accountId, folderIds } = seedAccount(store);
  const changes: FolderChanges = {
    mailbox: { path: 'INBOX', uidValidity: 7, uidNext: 301, exists: 300, highestModseq: null },
    uidValidityChanged: false,
    newUids: UIDS,
    flagChanges: [],
    vanishedUids: [],
    method: 'full-diff',
  };
  vi.mocked(fetchChanges).mockResolvedValue(changes);
  vi.mocked(fetchHeaders).mockImplementation(async (_client, args) => args.uids.map((uid) => header(uid)));
  vi.mocked(streamHeaders).mockImplementation(stream);
  const warn = vi.fn();
  const progress: Array<[number, number]> = [];
  const syncing = syncFolderHeaders(
    {
      sink: createSyncSink(store),
      pool,
      now: () => 1,
      tuning: { firstBatchSize: 20, batchSize: 60, streamFrom: 1, streamChunkSize: 100, streamBatchSize: 60, commandTimeoutMs: 1_000 },
      log: { warn },
      onProgress: (done, total) => progress.push([done, total]),
    },
    { accountId, folderId: folderIds.get('INBOX') as number, path: 'INBOX' },
  );
  return { store, syncing, warn, progress };
}

describe('folderSync', () => {
  it('when the header stream meets an answer it cannot read, the UIDs it did not store come in batches, each stored once', async () => {
    // The stream stores the newest 50 of what it was given, then stops on garbage.
    const { store, syncing, warn, progress } = firstSync(async (_client, args) => {
      args.onBatch(args.uids.slice(-50).map((uid) => header(uid)));
      throw new ResponseFormatError('Unexpected byte 0 where a value should start');
    });
    await syncing;

    const cached = store.db.prepare('SELECT count(*) AS n, count(DISTINCT uid) AS uids, min(uid) AS low, max(uid) AS high FROM messages').get();
    expect(cached).toEqual({ n: 300, uids: 300, low: 1, high: 300 });
    expect(vi.mocked(streamHeaders).mock.calls[0]?.[1].uids).toEqual(UIDS.slice(0, 280));
    const batchedUids = vi.mocked(fetchHeaders).mock.calls.flatMap(([, args]) => [...args.uids]).sort((a, b) => a - b);
    // The newest 20 through imapflow as always, then only what the stream did not deliver (231–280 it did).
    expect(batchedUids).toEqual([...UIDS.slice(0, 230), ...UIDS.slice(280)]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/header stream of INBOX stopped.*Unexpected byte/);
    expect(progress[progress.length - 1]).toEqual([300, 300]);
  });

  it('any other failure of the stream fails the folder sync, to be retried as a whole', async () => {
    const { store, syncing } = firstSync(async () => {
      throw Object.assign(new Error('closed mid-fetch'), { code: 'server-dropped' });
    });
    await expect(syncing).rejects.toMatchObject({ code: 'server-dropped' });
    // The folder is not marked synced: the next run compares again and fetches what is missing.
    const state = store.db.prepare("SELECT last_synced_at AS lastSyncedAt FROM folders WHERE path = 'INBOX'").get();
    expect(state).toEqual({ lastSyncedAt: null });
    expect(vi.mocked(fetchHeaders)).toHaveBeenCalledTimes(1);
  });
});
