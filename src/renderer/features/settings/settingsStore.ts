import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/types';
import { api } from '../../lib/bridge';

interface SettingsState {
  settings: Settings;
  load(): Promise<void>;
  /** Saves a change; the store is updated from the core's answer, so it never shows a value that was refused. */
  update(patch: Partial<Settings>): Promise<void>;
  allowRemoteContent(senderAddress: string): Promise<void>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  async load() {
    set({ settings: await api.settings.get() });
  },
  async update(patch) {
    set({ settings: await api.settings.update(patch) });
  },
  async allowRemoteContent(senderAddress) {
    set({ settings: await api.settings.allowRemoteContent(senderAddress) });
  },
}));

export const useSettings = (): Settings => useSettingsStore((state) => state.settings);
