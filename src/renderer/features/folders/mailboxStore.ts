import { create } from 'zustand';
import type { ScheduleStatus } from '../../../shared/schedule';
import type { AccountStatus, Folder } from '../../../shared/types';
import { api } from '../../lib/bridge';

/** What the message list shows: one folder, or every account's Inbox together. */
export type Mailbox = { kind: 'unified' } | { kind: 'folder'; folderId: number };

interface MailboxState {
  folders: Folder[];
  statuses: Record<string, AccountStatus>;
  schedules: Record<string, ScheduleStatus>;
  selected: Mailbox;
  loadFolders(): Promise<void>;
  loadStatuses(): Promise<void>;
  applyStatus(status: AccountStatus): void;
  loadSchedules(): Promise<void>;
  applySchedule(schedule: ScheduleStatus): void;
  select(mailbox: Mailbox): void;
  /** The sync button: the open folder first (what the user looks at), then every folder of every account. */
  syncAll(): void;
}

export const useMailboxStore = create<MailboxState>()((set, get) => ({
  folders: [],
  statuses: {},
  schedules: {},
  selected: { kind: 'unified' },
  async loadFolders() {
    const folders = await api.folders.list();
    const { selected } = get();
    // The open folder was deleted (or its account removed): fall back to the unified inbox.
    const stillThere = selected.kind === 'unified' || folders.some((folder) => folder.id === selected.folderId);
    set({ folders, ...(stillThere ? {} : { selected: { kind: 'unified' } }) });
  },
  async loadStatuses() {
    const list = await api.sync.status();
    set({ statuses: Object.fromEntries(list.map((status) => [status.accountId, status])) });
  },
  applyStatus(status) {
    set((state) => ({ statuses: { ...state.statuses, [status.accountId]: status } }));
  },
  async loadSchedules() {
    const list = await api.activity.schedule();
    set({ schedules: Object.fromEntries(list.map((schedule) => [schedule.accountId, schedule])) });
  },
  applySchedule(schedule) {
    set((state) => ({ schedules: { ...state.schedules, [schedule.accountId]: schedule } }));
  },
  select(mailbox) {
    set({ selected: mailbox });
    // Opening a folder asks for fresh mail (the core skips it if the folder synced moments ago); the list shows
    // the cache meanwhile and refetches on store:changed.
    if (mailbox.kind === 'folder') {
      api.sync.folderOpened(mailbox.folderId).catch(() => {
        // Offline or failing: the account status line says so; the cached messages are still shown.
      });
    } else {
      for (const folder of get().folders.filter((candidate) => candidate.role === 'inbox')) {
        api.sync.folderOpened(folder.id).catch(() => {});
      }
    }
  },
  syncAll() {
    const { selected } = get();
    if (selected.kind === 'folder') api.sync.syncFolder(selected.folderId).catch(() => {});
    api.sync.syncAccount().catch(() => {
      // As above: the sync:status events carry the failure to the status lines.
    });
  },
}));

export const useFolders = (): Folder[] => useMailboxStore((state) => state.folders);
export const useSelectedMailbox = (): Mailbox => useMailboxStore((state) => state.selected);
export const useAccountStatus = (accountId: string): AccountStatus | undefined =>
  useMailboxStore((state) => state.statuses[accountId]);
export const useAccountSchedule = (accountId: string): ScheduleStatus | undefined =>
  useMailboxStore((state) => state.schedules[accountId]);

export function sameMailbox(a: Mailbox, b: Mailbox): boolean {
  return a.kind === b.kind && (a.kind === 'unified' || a.folderId === (b as { folderId: number }).folderId);
}
