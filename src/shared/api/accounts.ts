import type { Account, AccountInput, AccountPatch, DiscoveredSettings } from '../types';

export interface AccountsApi {
  list(): Promise<Account[]>;
  /** Proposes server settings for an address: presets, then DNS SRV (RFC 6186), then a tested guess. */
  discover(address: string): Promise<DiscoveredSettings | null>;
  /** Logs in to IMAP and SMTP first; a failure changes nothing and returns the exact cause. */
  add(input: AccountInput): Promise<Account>;
  update(id: string, patch: AccountPatch): Promise<Account>;
  remove(id: string): Promise<void>;
}

export const ACCOUNTS_METHODS = ['list', 'discover', 'add', 'update', 'remove'] as const satisfies ReadonlyArray<
  keyof AccountsApi
>;
