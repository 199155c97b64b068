import { useTranslation } from 'react-i18next';
import type { Folder, FolderRole } from '../../../shared/types';
import { Icon, type IconName } from '../../components/Icon';
import { formatCount } from '../../lib/formatNumber';
import { useFormattingLocale } from '../../lib/hooks';

const ROLE_ICONS: Record<FolderRole, IconName> = {
  inbox: 'inbox',
  sent: 'sent',
  drafts: 'drafts',
  trash: 'trash',
  junk: 'junk',
  archive: 'archive',
  all: 'all',
  flagged: 'flagged',
};

/** One entry of the left pane: icon, name, unread count. */
export function MailboxItem({ label, icon, unreadCount, depth, selected, onSelect }: {
  label: string;
  icon: IconName;
  unreadCount: number;
  depth: number;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  return (
    <li>
      <button
        type="button"
        className={selected ? 'mailbox-item mailbox-item--selected' : 'mailbox-item'}
        style={{ paddingInlineStart: `${12 + depth * 14}px` }}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <Icon name={icon} className="mailbox-item__icon" />
        <span className="mailbox-item__name">{label}</span>
        {unreadCount > 0 && (
          <span className="mailbox-item__count" aria-label={t('nav.unread', { count: unreadCount })}>
            {formatCount(unreadCount, locale)}
          </span>
        )}
      </button>
    </li>
  );
}

export function FolderItem({ folder, depth, selected, onSelect }: {
  folder: Folder;
  depth: number;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = useTranslation();
  return (
    <MailboxItem
      label={folder.role && folder.parentPath === null ? t(`roles.${folder.role}`) : folder.name}
      icon={folder.role ? ROLE_ICONS[folder.role] : 'folder'}
      unreadCount={folder.unreadCount}
      depth={depth}
      selected={selected}
      onSelect={onSelect}
    />
  );
}
