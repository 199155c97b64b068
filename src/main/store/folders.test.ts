import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFolder, listFolders } from './folders';
import { openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let clock = 0;
beforeEach(() => {
  t = openTestStore({ now: () => (clock += 1) });
});
afterEach(() => t.dispose());

describe('folders', () => {
  it('lists roles first (inbox, drafts, sent, archive, junk, trash), then the others by path', () => {
    seedAccount(t.store, 'anna@postino.test', [
      remoteFolder('Clienti'),
      remoteFolder('Trash', 'trash'),
      remoteFolder('archivio', 'archive'),
      remoteFolder('Sent', 'sent'),
      remoteFolder('INBOX/Zeta'),
      remoteFolder('Junk', 'junk'),
      remoteFolder('Drafts', 'drafts'),
      remoteFolder('INBOX', 'inbox'),
      remoteFolder('All Mail', 'all'),
    ]);
    expect(listFolders(t.store.db).map((folder) => folder.path)).toEqual([
      'INBOX',
      'Drafts',
      'Sent',
      'archivio',
      'Junk',
      'Trash',
      'All Mail',
      'Clienti',
      'INBOX/Zeta',
    ]);
  });

  it('lists one account’s folders, or every account’s with the oldest account first', () => {
    const anna = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX', 'inbox'), remoteFolder('Work')]);
    const bob = seedAccount(t.store, 'bob@postino.test', [remoteFolder('INBOX', 'inbox')]);
    expect(listFolders(t.store.db, bob.accountId).map((f) => f.accountId)).toEqual([bob.accountId]);
    expect(listFolders(t.store.db).map((f) => [f.accountId, f.path])).toEqual([
      [anna.accountId, 'INBOX'],
      [anna.accountId, 'Work'],
      [bob.accountId, 'INBOX'],
    ]);
  });

  it('gives a folder with its counters and hierarchy; an unknown id is not-found', () => {
    const { accountId, folderIds } = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX/Clienti')]);
    expect(getFolder(t.store.db, folderIds.get('INBOX/Clienti') as number)).toEqual({
      id: folderIds.get('INBOX/Clienti'),
      accountId,
      path: 'INBOX/Clienti',
      name: 'Clienti',
      delimiter: '/',
      parentPath: 'INBOX',
      role: null,
      totalCount: 0,
      unreadCount: 0,
      lastSyncedAt: null,
    });
    expect(() => getFolder(t.store.db, 404)).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
  });
});
