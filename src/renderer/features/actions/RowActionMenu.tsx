import { useTranslation } from 'react-i18next';
import { setChecked, NONE_CHECKED, type CheckableRow } from '../message-list/checked';
import { stateOf } from './actionKinds';
import type { ActionTarget } from './actionsStore';
import { ActionMenu } from './ActionMenu';
import type { ListContext } from './listContext';
import { useListContext } from './useListContext';

/** The message (or conversation, in a threaded list) one row or the reader stands for, as an action target. */
export function oneMessageTarget(message: CheckableRow, context: ListContext): ActionTarget {
  return {
    checked: setChecked(NONE_CHECKED, [message], true),
    scope: context.scope,
    fromChecks: false,
    accountIds: [message.accountId],
    rowCount: 1,
  };
}

/** The "⋯" of one message: in its list row (beside the sender) and in the reader's header. */
export function MessageActionMenu({ message, className, tabbable = true }: {
  message: CheckableRow & { subject: string; seen: boolean; flagged: boolean };
  className?: string;
  /** In the list only the cursor row's menu is a Tab stop, not one per row on screen. */
  tabbable?: boolean;
}) {
  const { t } = useTranslation();
  const context = useListContext();
  return (
    <ActionMenu
      target={() => oneMessageTarget(message, context)}
      state={stateOf([message])}
      role={context.role}
      label={t('actions.menuFor', { subject: message.subject || t('list.noSubject') })}
      className={className}
      tabbable={tabbable}
    />
  );
}
