import { useEffect, useRef } from 'react';
import type { MessageSummary } from '../../../shared/types';
import { allChecked, anyChecked, tickableTotal, toggleChecked } from '../message-list/checked';
import type { PageCache } from '../message-list/pageCache';
import { useSelectionStore } from '../message-list/selectionStore';
import { useFolders } from '../folders/mailboxStore';
import { availableActions, stateOf, type ActionKind, type TargetState } from './actionKinds';
import { useActionsStore, type ActionTarget } from './actionsStore';
import { anchorOf, chooseAction } from './chooseAction';
import type { ListContext } from './listContext';
import { undoLastAction } from './performAction';
import { oneMessageTarget } from './RowActionMenu';
import { checkedState, checkedTarget } from './selectionTarget';
import { commandFor, type ShortcutCommand } from './shortcuts';

/** Keys typed into a field, or meant for a dialog, the composer or a menu, are theirs, not the list's. */
function belongsElsewhere(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // A ticked checkbox keeps the focus; it takes no letters, so the shortcuts stay the list's.
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button'].includes(target.type);
  return target.closest('[role="dialog"], [role="menu"]') !== null;
}

/** The action a command means here: "!" in Junk is "not spam", Delete in Trash deletes forever, "s" toggles. */
function kindFor(command: ShortcutCommand, role: ListContext['role'], state: TargetState): ActionKind | null {
  const available = availableActions(role, state);
  const pick = (...kinds: ActionKind[]) => kinds.find((kind) => available.includes(kind)) ?? null;
  switch (command) {
    case 'archive':
      return pick('archive');
    case 'delete':
      return pick('delete', 'deleteForever');
    case 'deleteForever':
      return 'deleteForever';
    case 'markRead':
      return 'markRead';
    case 'markUnread':
      return 'markUnread';
    case 'toggleFlag':
      return state.someUnflagged === false ? 'unflag' : 'flag';
    case 'spam':
      return pick('spam', 'notSpam');
    case 'move':
      return 'move';
    default:
      return null;
  }
}

/**
 * The list's action shortcuts, wherever the focus is in the main window (see shortcuts.ts). They act on the ticked
 * rows, or else on the open message, or else on the row under the cursor.
 */
export function useActionShortcuts(options: { cache: PageCache; total: number; context: ListContext }): void {
  const folders = useFolders();
  const latest = useRef({ ...options, folders });
  useEffect(() => {
    latest.current = { ...options, folders };
  });

  useEffect(() => {
    const currentTarget = (): { target: ActionTarget; state: TargetState } | null => {
      const { cache, total, context, folders: allFolders } = latest.current;
      const selection = useSelectionStore.getState();
      const tickable = tickableTotal(selection.checked, total, (index) => cache.row(index));
      if (anyChecked(selection.checked, tickable)) {
        return {
          target: checkedTarget(selection.checked, context, allFolders, tickable),
          state: checkedState(selection.checked, cache.loadedRows(), tickable),
        };
      }
      const openIndex = selection.openMessageId === null ? null : cache.indexOf(selection.openMessageId);
      const row: MessageSummary | undefined = cache.row(openIndex ?? selection.cursorIndex);
      return row ? { target: oneMessageTarget(row, context), state: stateOf([row]) } : null;
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      const command = commandFor(event);
      if (command === null || belongsElsewhere(event.target) || useActionsStore.getState().busy) return;
      const { cache, context } = latest.current;
      const selection = useSelectionStore.getState();
      event.preventDefault();
      if (command === 'undo') return undoLastAction();
      if (command === 'help') return useActionsStore.getState().set({ helpOpen: true });
      if (command === 'clearChecks') return selection.clearChecks();
      if (command === 'selectAll') return selection.setChecked(allChecked(cache.row(0)?.date ?? null), null);
      if (command === 'toggleCheck') {
        const row = cache.row(selection.cursorIndex);
        if (row) selection.setChecked(toggleChecked(selection.checked, row), selection.cursorIndex);
        return;
      }
      const acting = currentTarget();
      const kind = acting ? kindFor(command, context.role, acting.state) : null;
      if (acting && kind) chooseAction(kind, acting.target, anchorOf(document.querySelector('.message-list__header, .action-bar')));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
