import { useTranslation } from 'react-i18next';
import type { Folder, FolderRole } from '../../../shared/types';
import { Icon, type IconName } from '../../components/Icon';
import { formatCount } from '../../lib/formatNumber';
import { useFormattingLocale } from '../../lib/hooks';
import { useFolderDrop, type FolderDrop } from '../actions/useFolderDrop';

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

export function folderIcon(folder: Folder): IconName {
  return folder.role ? ROLE_ICONS[folder.role] : 'folder';
}

/** One entry of the left pane: icon, name, unread count. */
export function MailboxItem({ label, icon, unreadCount, depth, selected, onSelect, drop }: {
  label: string;
  icon: IconName;
  unreadCount: number;
  depth: number;
  selected: boolean;
  onSelect(): void;
  /** Dragged message rows can be dropped here (see features/actions/useFolderDrop.ts). */
  drop?: FolderDrop;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  return (
    <li>
      <button
        type="button"
        className={['mailbox-item', selected && 'mailbox-item--selected', drop?.over && 'mailbox-item--drop'].filter(Boolean).join(' ')}
        style={{ paddingInlineStart: `${12 + depth * 14}px` }}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        {...drop?.handlers}
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
  const label = folder.role && folder.parentPath === null ? t(`roles.${folder.role}`) : folder.name;
  const drop = useFolderDrop(folder, label);
  return (
    <MailboxItem
      label={label}
      drop={drop}
      icon={folderIcon(folder)}
      unreadCount={folder.unreadCount}
      depth={depth}
      selected={selected}
      onSelect={onSelect}
    />
  );
}
