import type { AccountStatus } from '../types';

export interface SyncApi {
  /** Sync one folder now (opening a folder, the sync button). Requests for the same folder coalesce. */
  syncFolder(folderId: number): Promise<void>;
  /** Sync every folder of one account, or of all accounts when omitted. */
  syncAccount(accountId?: string): Promise<void>;
  status(): Promise<AccountStatus[]>;
}

export const SYNC_METHODS = ['syncFolder', 'syncAccount', 'status'] as const satisfies ReadonlyArray<keyof SyncApi>;
