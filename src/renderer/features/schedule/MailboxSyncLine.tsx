import type { ScheduleStatus } from '../../../shared/schedule';
import type { Folder } from '../../../shared/types';
import { useFormattingLocale } from '../../lib/hooks';
import { useFolders, useMailboxStore, type Mailbox } from '../folders/mailboxStore';
import { accountSchedulePhrase, mailboxSyncPhrase, soonestSchedule, stalestSync, type MailboxSyncState } from './scheduleWords';
import { useTranslatePhrase } from './useScheduleText';
import { useTickingNow } from './useTickingNow';
import './schedule.css';

function syncStateOf(mailbox: Mailbox, folders: readonly Folder[], schedules: Record<string, ScheduleStatus>): MailboxSyncState | null {
  if (mailbox.kind === 'folder') {
    const folder = folders.find((candidate) => candidate.id === mailbox.folderId);
    return folder ? { lastSyncedAt: folder.lastSyncedAt, schedule: schedules[folder.accountId] } : null;
  }
  const inboxes = folders.filter((folder) => folder.role === 'inbox');
  if (inboxes.length === 0) return null;
  const inboxSchedules = inboxes.flatMap((inbox) => schedules[inbox.accountId] ?? []);
  return { lastSyncedAt: stalestSync(inboxes.map((inbox) => inbox.lastSyncedAt)), schedule: soonestSchedule(inboxSchedules) };
}

/**
 * Under the open mailbox's name: "Synced 9:12 AM · next in 8 min". Hovering shows the reason, as the account line
 * in the left pane says it.
 */
export function MailboxSyncLine({ mailbox }: { mailbox: Mailbox }) {
  const folders = useFolders();
  const schedules = useMailboxStore((state) => state.schedules);
  const state = syncStateOf(mailbox, folders, schedules);
  const now = useTickingNow(state?.schedule);
  const locale = useFormattingLocale();
  const translate = useTranslatePhrase();
  if (!state) return null;
  const reason = state.schedule ? translate(accountSchedulePhrase(state.schedule, now, locale)) : undefined;
  return (
    <p className="mailbox-sync-line" title={reason} data-testid="mailbox-sync">
      {translate(mailboxSyncPhrase(state, now, locale))}
    </p>
  );
}
