import { create } from 'zustand';

export type SettingsTab = 'accounts' | 'general';

/** Which page of the settings dialog is open, if any; an account id opens that account's form directly. */
interface SettingsDialogState {
  open: { tab: SettingsTab; editAccountId: string | null } | null;
  show(tab: SettingsTab, editAccountId?: string | null): void;
  close(): void;
}

export const useSettingsDialog = create<SettingsDialogState>()((set) => ({
  open: null,
  show: (tab, editAccountId = null) => set({ open: { tab, editAccountId } }),
  close: () => set({ open: null }),
}));
