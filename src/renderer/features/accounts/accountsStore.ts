import { create } from 'zustand';
import type { Account, AccountInput, AccountPatch, DiscoveredSettings } from '../../../shared/types';
import { api } from '../../lib/bridge';

interface AccountsState {
  accounts: Account[];
  /** False until the first list arrived: the UI shows nothing rather than a false "no account yet". */
  loaded: boolean;
  load(): Promise<void>;
  discover(address: string): Promise<DiscoveredSettings | null>;
  /** Each of these throws the core's error (with its code) and reloads the list on success. */
  add(input: AccountInput): Promise<void>;
  update(id: string, patch: AccountPatch): Promise<void>;
  remove(id: string): Promise<void>;
}

export const useAccountsStore = create<AccountsState>()((set, get) => ({
  accounts: [],
  loaded: false,
  async load() {
    const accounts = await api.accounts.list();
    set({ accounts, loaded: true });
  },
  discover: (address) => api.accounts.discover(address),
  async add(input) {
    await api.accounts.add(input);
    await get().load();
  },
  async update(id, patch) {
    await api.accounts.update(id, patch);
    await get().load();
  },
  async remove(id) {
    await api.accounts.remove(id);
    await get().load();
  },
}));

export const useAccounts = (): Account[] => useAccountsStore((state) => state.accounts);
export const useAccountsLoaded = (): boolean => useAccountsStore((state) => state.loaded);
