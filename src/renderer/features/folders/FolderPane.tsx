import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { openNewMessage } from '../composer/openComposer';
import { useAccounts } from '../accounts/accountsStore';
import { NotificationsPrompt } from '../notifications/NotificationsPrompt';
import { OutboxView } from '../outbox/OutboxView';
import { useOutboxEntries, useOutboxStore, useOutboxUpdates } from '../outbox/outboxStore';
import { useSettingsDialog } from '../settings/dialogStore';
import { AccountSection } from './AccountSection';
import { MailboxItem } from './FolderItem';
import { useFolders, useMailboxStore, useSelectedMailbox } from './mailboxStore';

/** The left pane: the unified inbox, then every account with its folders; sync and settings at the top. */
export function FolderPane() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const folders = useFolders();
  const selected = useSelectedMailbox();
  const select = useMailboxStore((state) => state.select);
  const syncAll = useMailboxStore((state) => state.syncAll);
  const syncing = useMailboxStore((state) => Object.values(state.statuses).some((status) => status.state === 'syncing'));
  const showSettings = useSettingsDialog((state) => state.show);
  useOutboxUpdates();
  const outboxCount = useOutboxEntries().length;
  const outboxOpen = useOutboxStore((state) => state.viewOpen);
  const showOutbox = useOutboxStore((state) => state.showView);
  const inboxUnread = folders.filter((folder) => folder.role === 'inbox').reduce((sum, folder) => sum + folder.unreadCount, 0);

  return (
    <nav className="folder-pane" aria-label={t('app.mailboxes')}>
      <div className="toolbar folder-pane__toolbar">
        <span className="brand">
          <Icon name="mail" size={18} /> {t('app.name')}
        </span>
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label={t('composer.newMessage')}
          title={t('composer.newMessageShortcut')}
          onClick={() => openNewMessage()}
          data-testid="new-message"
        >
          <Icon name="drafts" />
        </button>
        <button
          type="button"
          className={syncing ? 'icon-button icon-button--spinning' : 'icon-button'}
          aria-label={syncing ? t('nav.syncing') : t('nav.sync')}
          title={syncing ? t('nav.syncing') : t('nav.sync')}
          aria-busy={syncing}
          onClick={syncAll}
          data-testid="sync-button"
        >
          <Icon name="sync" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('nav.settings')}
          title={t('nav.settings')}
          onClick={() => showSettings('general')}
        >
          <Icon name="settings" />
        </button>
      </div>
      <div className="folder-pane__scroll">
        <ul className="mailbox-list">
          <MailboxItem
            label={t('nav.allInboxes')}
            icon="inboxes"
            unreadCount={inboxUnread}
            depth={0}
            selected={selected.kind === 'unified'}
            onSelect={() => select({ kind: 'unified' })}
          />
          {outboxCount > 0 && (
            <MailboxItem label={t('outbox.entry', { count: outboxCount })} icon="sent" unreadCount={0} depth={0} selected={outboxOpen} onSelect={showOutbox} />
          )}
        </ul>
        {accounts.map((account) => (
          <AccountSection
            key={account.id}
            account={account}
            folders={folders.filter((folder) => folder.accountId === account.id)}
          />
        ))}
      </div>
      <NotificationsPrompt />
      {outboxOpen && <OutboxView />}
    </nav>
  );
}
