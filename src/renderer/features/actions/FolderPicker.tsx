import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { useFormattingLocale } from '../../lib/hooks';
import { folderIcon } from '../folders/FolderItem';
import { useFolders } from '../folders/mailboxStore';
import { useActionsStore, type ActionTarget, type Anchor } from './actionsStore';
import { moveTo } from './chooseAction';
import { pickableFolders } from './pickableFolders';
import { Popover } from './Popover';
import { useListContext } from './useListContext';

/** "Move to": a searchable list of the account's folders; type to narrow, ↑↓ and Enter to choose. */
export function FolderPicker({ target, anchor }: { target: ActionTarget; anchor: Anchor }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const folders = useFolders();
  const context = useListContext();
  const close = () => useActionsStore.getState().set({ picker: null });
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const labelOf = useCallback(
    (folder: Folder): string => (folder.role && folder.parentPath === null ? t(`roles.${folder.role}`) : folder.name),
    [t],
  );
  const accountId = target.accountIds.length === 1 ? target.accountIds[0] : undefined;
  // Where the messages already are: the listed folder, or every Inbox for the unified list.
  const listedFolderId = target.scope.folderId;
  const excludeFolderIds = useMemo(
    () => new Set(folders.filter((folder) => (listedFolderId === null ? folder.role === 'inbox' : folder.id === listedFolderId)).map((folder) => folder.id)),
    [folders, listedFolderId],
  );
  const choices = useMemo(
    () =>
      accountId === undefined
        ? []
        : pickableFolders(folders, { accountId, excludeFolderIds, text, locale, labelOf }),
    [folders, accountId, excludeFolderIds, text, locale, labelOf],
  );
  const activeIndex = Math.min(active, Math.max(0, choices.length - 1));

  const pick = (folder: Folder): void => {
    close();
    moveTo(target, folder, labelOf(folder), context.role);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    event.stopPropagation();
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && choices.length > 0) {
      event.preventDefault();
      setActive((activeIndex + step + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = choices[activeIndex];
      if (choice) pick(choice.folder);
    }
  };

  return (
    <Popover anchor={anchor} onClose={close} label={t('actions.picker.title')} className="folder-picker">
      <p className="folder-picker__title">{t('actions.picker.title')}</p>
      {accountId === undefined ? (
        <p className="folder-picker__note">{t('actions.picker.oneAccountOnly')}</p>
      ) : (
        <>
          <input
            className="text-input folder-picker__search"
            type="search"
            value={text}
            placeholder={t('actions.picker.search')}
            aria-label={t('actions.picker.search')}
            aria-controls="folder-picker-list"
            aria-activedescendant={choices.length > 0 ? `folder-choice-${activeIndex}` : undefined}
            autoFocus
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            data-testid="folder-picker-search"
          />
          <ul className="folder-picker__list" id="folder-picker-list" role="listbox" aria-label={t('actions.picker.title')}>
            {choices.map(({ folder, label, depth }, index) => (
              <li
                key={folder.id}
                id={`folder-choice-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'folder-picker__item folder-picker__item--active' : 'folder-picker__item'}
                style={{ paddingInlineStart: `${10 + depth * 14}px` }}
                onPointerMove={() => setActive(index)}
                onClick={() => pick(folder)}
              >
                <Icon name={folderIcon(folder)} className="folder-picker__icon" />
                <span className="folder-picker__name">{label}</span>
              </li>
            ))}
          </ul>
          {choices.length === 0 && <p className="folder-picker__note">{t('actions.picker.noMatch', { text })}</p>}
        </>
      )}
    </Popover>
  );
}

