import type { Folder, FolderRole } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { setChecked, NONE_CHECKED } from '../message-list/checked';
import { actionForDestination, type ActionKind } from './actionKinds';
import { useActionsStore, type ActionTarget, type Anchor } from './actionsStore';
import { performAction } from './performAction';
import { resolveTargets } from './resolveTargets';

/**
 * What choosing an action does, wherever it was chosen (bar, menu, shortcut): "Move to…" opens the folder picker,
 * "Delete forever" asks first, everything else runs at once.
 */
export function chooseAction(kind: ActionKind, target: ActionTarget, anchor: Anchor): void {
  if (kind === 'move') useActionsStore.getState().set({ picker: { target, anchor } });
  else if (kind === 'deleteForever') void askDeleteForever(target);
  else void performAction(kind, target);
}

/**
 * Resolves the messages first, so the question names how many will go (a conversation is several), and the
 * confirmed action deletes exactly those.
 */
async function askDeleteForever(target: ActionTarget): Promise<void> {
  const actions = useActionsStore.getState();
  try {
    const ids = await resolveTargets(target.checked, target.scope, (query) => api.messages.listIds(query));
    if (ids.length === 0) return;
    const resolved = setChecked(NONE_CHECKED, ids.map((id) => ({ id, accountId: '', date: 0 })), true);
    const exact: ActionTarget = { ...target, checked: resolved, scope: { ...target.scope, threaded: false }, rowCount: ids.length };
    actions.set({ confirmForever: { target: exact, count: ids.length } });
  } catch (error) {
    actions.pushToast({ kind: 'call-failed', error });
  }
}

/** A folder chosen in the picker, or rows dropped on one in the tree. */
export function moveTo(target: ActionTarget, folder: Folder, label: string, listedRole: FolderRole | null): void {
  const kind = actionForDestination(folder.role, listedRole);
  void performAction(kind, target, kind === 'move' ? { folder, label } : undefined);
}

/** The rectangle of an element, as a popover anchor. */
export function anchorOf(element: Element | null): Anchor {
  const rect = element?.getBoundingClientRect();
  return rect ? { left: rect.left, top: rect.top, bottom: rect.bottom, right: rect.right } : { left: 0, top: 0, bottom: 0, right: 0 };
}
