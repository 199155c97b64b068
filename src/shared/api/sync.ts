import type { AccountStatus } from '../types';

export interface SyncApi {
  /** The sync button: sync one folder now. Requests for the same folder coalesce. */
  syncFolder(folderId: number): Promise<void>;
  /** The user opened a folder: sync it now unless it synced moments ago (the open floor, 30 s by default). */
  folderOpened(folderId: number): Promise<void>;
  /** Sync every folder of one account, or of all accounts when omitted. */
  syncAccount(accountId?: string): Promise<void>;
  status(): Promise<AccountStatus[]>;
}

export const SYNC_METHODS = ['syncFolder', 'folderOpened', 'syncAccount', 'status'] as const satisfies ReadonlyArray<keyof SyncApi>;
