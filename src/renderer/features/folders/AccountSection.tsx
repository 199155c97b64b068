import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Folder } from '../../../shared/types';
import { useFormattingLocale } from '../../lib/hooks';
import { AccountScheduleLine } from '../schedule/AccountScheduleLine';
import { useTickingNow } from '../schedule/useTickingNow';
import { useSettingsDialog } from '../settings/dialogStore';
import { accountStatusText } from './accountStatus';
import { FolderItem } from './FolderItem';
import { folderRows } from './folderTree';
import { useAccountStatus, useMailboxStore, useSelectedMailbox } from './mailboxStore';

/** One account in the left pane: its name, its sync state and next sync in words, and its folder tree. */
export function AccountSection({ account, folders }: { account: Account; folders: Folder[] }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const now = useTickingNow();
  const status = useAccountStatus(account.id);
  const selected = useSelectedMailbox();
  const select = useMailboxStore((state) => state.select);
  const showSettings = useSettingsDialog((state) => state.show);
  const rows = useMemo(() => folderRows(folders, locale), [folders, locale]);

  const text = accountStatusText(status, now, locale);
  const statusLine = t(text.key, { ...text.values, ...(text.reasonKey ? { reason: t(text.reasonKey) } : {}) });
  const state = status?.state ?? 'idle';
  const progress = state === 'syncing' && status && status.total > 0 ? status.done / status.total : null;

  return (
    <section className="account" aria-label={account.address}>
      <header className="account__header">
        <h2 className="account__name" title={account.address}>
          {account.displayName || account.address}
        </h2>
        {state === 'needs-password' ? (
          <button
            type="button"
            className="account__status account__status--needs-password link-button"
            onClick={() => showSettings('accounts', account.id)}
          >
            {statusLine}
          </button>
        ) : (
          <p className={`account__status account__status--${state}`} role="status" data-testid="account-status">
            {statusLine}
          </p>
        )}
        <AccountScheduleLine accountId={account.id} />
        {progress !== null && (
          <div className="account__progress" aria-hidden="true">
            <div className="account__progress-bar" style={{ width: `${Math.min(100, progress * 100)}%` }} />
          </div>
        )}
      </header>
      <ul className="mailbox-list">
        {rows.map(({ folder, depth }) => (
          <FolderItem
            key={folder.id}
            folder={folder}
            depth={depth}
            selected={selected.kind === 'folder' && selected.folderId === folder.id}
            onSelect={() => select({ kind: 'folder', folderId: folder.id })}
          />
        ))}
      </ul>
    </section>
  );
}
