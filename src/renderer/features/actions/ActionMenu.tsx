import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderRole } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { ACTION_SHORTCUTS, availableActions, type ActionKind, type TargetState } from './actionKinds';
import { useActionsStore, type ActionTarget, type Anchor } from './actionsStore';
import { ACTION_ICONS } from './actionIcons';
import { anchorOf, chooseAction } from './chooseAction';
import { Popover } from './Popover';

/**
 * The "⋯" button and its menu of every action that applies: one component for the list rows, the action bar and
 * the reader, so the three always offer the same actions with the same words and shortcuts.
 */
export function ActionMenu({ target, state, role, label, className, tabbable = true }: {
  target: () => ActionTarget;
  state: TargetState;
  role: FolderRole | null;
  /** The button's accessible name ("Actions for …"). */
  label: string;
  className?: string;
  tabbable?: boolean;
}) {
  const { t } = useTranslation();
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Where the open menu hangs from; null while closed. */
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const busy = useActionsStore((store) => store.busy);
  const kinds = availableActions(role, state);

  const close = (): void => {
    setAnchor(null);
    buttonRef.current?.focus();
  };
  const choose = (kind: ActionKind): void => {
    setAnchor(null);
    chooseAction(kind, target(), anchorOf(buttonRef.current));
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
    // Single keys are the list's shortcuts; inside the menu they would act behind the user's back.
    event.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className ? `icon-button ${className}` : 'icon-button'}
        aria-label={label}
        title={t('actions.more')}
        tabIndex={tabbable ? undefined : -1}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        disabled={busy}
        onClick={(event) => {
          event.stopPropagation();
          setAnchor((current) => (current ? null : anchorOf(event.currentTarget)));
        }}
        data-testid="action-menu-button"
      >
        <Icon name="more" />
      </button>
      {anchor && (
        <Popover anchor={anchor} onClose={close} label={label} className="action-menu">
          <div role="menu" aria-label={label} onKeyDown={onMenuKeyDown} data-testid="action-menu">
            {kinds.map((kind, index) => (
              <button
                key={kind}
                type="button"
                role="menuitem"
                className={kind === 'deleteForever' ? 'action-menu__item action-menu__item--danger' : 'action-menu__item'}
                // The first item takes the focus, so the arrows work at once.
                autoFocus={index === 0}
                onClick={(event) => {
                  event.stopPropagation();
                  choose(kind);
                }}
              >
                <Icon name={ACTION_ICONS[kind]} className="action-menu__icon" />
                <span className="action-menu__label">{t(`actions.${kind}`)}</span>
                {ACTION_SHORTCUTS[kind] && <kbd className="action-menu__key">{ACTION_SHORTCUTS[kind]}</kbd>}
              </button>
            ))}
          </div>
        </Popover>
      )}
    </>
  );
}
