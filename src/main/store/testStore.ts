/**
 * Test support for the store and its callers: a store on a temporary file (real SQLite, WAL and all), an
 * account with an inbox, and header records with sensible defaults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeRecord } from '../../shared/types';
import type { HeaderRecord, RemoteFolder } from '../sync/sink';
import { insertAccount } from './accounts';
import { syncFolders } from './folders';
import { createStore, type Store, type StoreOptions } from './store';

export interface TestStore {
  store: Store;
  dir: string;
  path: string;
  changes: ChangeRecord[];
  /** Closes the database and removes its directory. */
  dispose(): void;
}

export function openTestStore(options: Omit<StoreOptions, 'onChange'> = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'postino-store-'));
  const path = join(dir, 'cache.sqlite');
  const changes: ChangeRecord[] = [];
  const store = createStore(path, { log: { warn: () => {} }, ...options, onChange: (change) => changes.push(change) });
  return {
    store,
    dir,
    path,
    changes,
    dispose() {
      if (store.db.open) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function remoteFolder(path: string, role: RemoteFolder['role'] = null): RemoteFolder {
  const slash = path.lastIndexOf('/');
  return {
    path,
    name: slash === -1 ? path : path.slice(slash + 1),
    delimiter: '/',
    parentPath: slash === -1 ? null : path.slice(0, slash),
    role,
    selectable: true,
  };
}

/** Adds an account with the given folders (an Inbox by default); returns its id and folder ids by path. */
export function seedAccount(
  store: Store,
  address = 'anna@postino.test',
  folders: RemoteFolder[] = [remoteFolder('INBOX', 'inbox')],
): { accountId: string; folderIds: Map<string, number> } {
  const account = insertAccount(store, {
    address,
    displayName: 'Anna',
    username: address,
    imap: { host: '127.0.0.1', port: 143, security: 'starttls' },
    smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
  });
  const { idsByPath } = store.write(
    () => syncFolders(store.db, account.id, folders),
    () => null,
  );
  return { accountId: account.id, folderIds: idsByPath };
}

export const BASE_DATE = Date.UTC(2026, 10, 2, 9, 0, 0);

export function header(uid: number, overrides: Partial<HeaderRecord> = {}): HeaderRecord {
  return {
    uid,
    flags: [],
    modseq: null,
    internalDate: BASE_DATE + uid * 60_000,
    size: 2048,
    date: BASE_DATE + uid * 60_000,
    subject: `Message ${uid}`,
    from: { name: 'Bruno Verdi', address: 'bruno@example.com' },
    to: [{ name: 'Anna', address: 'anna@postino.test' }],
    cc: [],
    bcc: [],
    replyTo: [],
    messageIdHeader: `<m${uid}@example.com>`,
    inReplyTo: null,
    references: [],
    textParts: [{ part: '1', contentType: 'text/plain', charset: 'utf-8', encoding: '7bit', size: 100 }],
    attachments: [],
    preview: null,
    ...overrides,
  };
}
