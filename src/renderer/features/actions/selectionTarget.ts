import type { Folder, MessageSummary } from '../../../shared/types';
import { checkedCount, isChecked, type Checked } from '../message-list/checked';
import { stateOf, UNKNOWN_STATE, type TargetState } from './actionKinds';
import type { ActionTarget } from './actionsStore';
import { accountsOf, type ListContext } from './listContext';

/** The ticked rows as an action target. */
/** `tickable`: how many rows "select all" covers (see tickableTotal). */
export function checkedTarget(checked: Checked, context: ListContext, folders: readonly Folder[], tickable: number): ActionTarget {
  return {
    checked,
    scope: context.scope,
    fromChecks: true,
    accountIds: accountsOf(checked, context, folders),
    rowCount: checkedCount(checked, tickable),
  };
}

/**
 * What the ticked rows are like (read? flagged?), from the loaded rows: exact when every ticked row is loaded,
 * unknown otherwise (then every read/flag action is offered).
 */
export function checkedState(checked: Checked, loadedRows: readonly MessageSummary[], tickable: number): TargetState {
  const ticked = loadedRows.filter((row) => isChecked(checked, row));
  const expected = checkedCount(checked, tickable);
  return ticked.length === expected ? stateOf(ticked) : UNKNOWN_STATE;
}
