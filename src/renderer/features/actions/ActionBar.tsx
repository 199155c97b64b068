import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatCount } from '../../lib/formatNumber';
import { useFormattingLocale } from '../../lib/hooks';
import { checkedCount, type Checked } from '../message-list/checked';
import { ACTION_SHORTCUTS, availableActions, type ActionKind, type TargetState } from './actionKinds';
import { ACTION_ICONS } from './actionIcons';
import { useActionsStore, type ActionTarget } from './actionsStore';
import { ActionMenu } from './ActionMenu';
import { anchorOf, chooseAction } from './chooseAction';
import type { ListContext } from './listContext';
import { SelectAllBox } from './SelectAllBox';

/**
 * The buttons the bar shows itself, at most one of each group, so it fits the narrowest list pane; the "⋯" menu
 * beside them holds every action.
 */
const PRIMARY_GROUPS: ReadonlyArray<readonly ActionKind[]> = [
  ['markRead', 'markUnread'],
  ['archive', 'notSpam'],
  ['move'],
  ['delete', 'deleteForever'],
];

/** Replaces the list header while rows are ticked: how many, and what can be done to them. */
export function ActionBar({ context, checked, total, tickable, state, target, onSelectAll, onClear }: {
  context: ListContext;
  checked: Checked;
  total: number;
  /** How many rows "select all" covers (see tickableTotal). */
  tickable: number;
  state: TargetState;
  target(): ActionTarget;
  onSelectAll(): void;
  onClear(): void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const busy = useActionsStore((store) => store.busy);
  const count = checkedCount(checked, tickable);
  const available = availableActions(context.role, state);
  const primary = PRIMARY_GROUPS.flatMap((group) => group.filter((kind) => available.includes(kind)).slice(0, 1));

  return (
    <div className="toolbar action-bar" role="toolbar" aria-label={t('actions.selected', { count, formattedCount: formatCount(count, locale) })} data-testid="action-bar">
      <SelectAllBox count={count} total={total} onSelectAll={onSelectAll} onClear={onClear} />
      <span className="action-bar__count" aria-live="polite">
        {busy ? t('actions.working') : t('actions.selected', { count, formattedCount: formatCount(count, locale) })}
      </span>
      <span className="toolbar__spacer" />
      {primary.map((kind) => {
        const label = t(`actions.${kind}`);
        const shortcut = ACTION_SHORTCUTS[kind];
        return (
          <button
            key={kind}
            type="button"
            className={kind === 'deleteForever' ? 'icon-button icon-button--danger' : 'icon-button'}
            aria-label={label}
            title={shortcut ? `${label} (${shortcut})` : label}
            disabled={busy}
            onClick={(event) => chooseAction(kind, target(), anchorOf(event.currentTarget))}
            data-action={kind}
          >
            <Icon name={ACTION_ICONS[kind]} />
          </button>
        );
      })}
      <ActionMenu target={target} state={state} role={context.role} label={t('actions.more')} />
      <span className="action-bar__divider" aria-hidden="true" />
      <button type="button" className="icon-button" aria-label={t('actions.clearSelection')} title={t('actions.clearSelection')} onClick={onClear}>
        <Icon name="close" />
      </button>
    </div>
  );
}
