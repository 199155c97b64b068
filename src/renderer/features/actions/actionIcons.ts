import type { IconName } from '../../components/Icon';
import type { ActionKind } from './actionKinds';

export const ACTION_ICONS: Record<ActionKind, IconName> = {
  markRead: 'mailOpen',
  markUnread: 'mail',
  flag: 'flagged',
  unflag: 'flagged',
  spam: 'junk',
  notSpam: 'inbox',
  move: 'folderMove',
  archive: 'archive',
  delete: 'trash',
  deleteForever: 'trash',
};
