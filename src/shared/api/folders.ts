import type { Folder } from '../types';

export interface FoldersApi {
  /** Every folder of every account (or of one), roles first, then by path. */
  list(accountId?: string): Promise<Folder[]>;
}

export const FOLDERS_METHODS = ['list'] as const satisfies ReadonlyArray<keyof FoldersApi>;
