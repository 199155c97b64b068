import { create } from 'zustand';
import type { ActionName } from '../../../shared/api/actions';
import type { Checked } from '../message-list/checked';
import type { ActionKind } from './actionKinds';
import type { ListScope } from './resolveTargets';

/** What an action is about to act on: rows of the listed folder, ticked or the one a menu belongs to. */
export interface ActionTarget {
  checked: Checked;
  scope: ListScope;
  /** The ticks themselves (cleared once their messages leave the list), rather than one row's menu or the reader. */
  fromChecks: boolean;
  /** The accounts the messages belong to, when known: "Move to" lists one account's folders. */
  accountIds: readonly string[];
  /**
   * How many rows the user acted on, which the toast counts: "3 messages moved" after ticking three rows, as the
   * bar said "3 selected", even when a row is a conversation of several messages.
   */
  rowCount: number;
}

/** A toast at the bottom of the window; `text` data is put into words when shown, in the current language. */
export type ActionToast = { id: number } & (
  | { kind: 'done'; action: ActionKind; count: number; folderName?: string; undoTaskId: number | null }
  | { kind: 'undone' }
  | { kind: 'failed'; action: ActionName; count: number; error: unknown }
  | { kind: 'call-failed'; error: unknown }
  | { kind: 'undo-failed'; error: unknown }
);

export type NewToast = ActionToast extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** Where a popover opens: under this rectangle (a button's, or the list header's for a shortcut). */
export interface Anchor {
  left: number;
  top: number;
  bottom: number;
  right: number;
}

interface ActionsState {
  toasts: ActionToast[];
  /** The newest action that can be undone (Ctrl+Z), by the task id `actions.undo` takes. */
  lastUndoTaskId: number | null;
  /** An action is on its way to the core: the bar shows it and a second click waits. */
  busy: boolean;
  picker: { target: ActionTarget; anchor: Anchor } | null;
  confirmForever: { target: ActionTarget; count: number } | null;
  helpOpen: boolean;
  /** The rows being dragged onto a folder, and the folder they are over. */
  dragging: ActionTarget | null;
  dropFolderId: number | null;
  pushToast(toast: NewToast): number;
  dismissToast(id: number): void;
  set(patch: Partial<Pick<ActionsState, 'lastUndoTaskId' | 'busy' | 'picker' | 'confirmForever' | 'helpOpen' | 'dragging' | 'dropFolderId'>>): void;
}

let nextToastId = 1;
/** Failures can pile up (several refusals at once); more than this would bury the list, and the newest matter. */
const MAX_TOASTS = 3;

export const useActionsStore = create<ActionsState>()((set) => ({
  toasts: [],
  lastUndoTaskId: null,
  busy: false,
  picker: null,
  confirmForever: null,
  helpOpen: false,
  dragging: null,
  dropFolderId: null,
  pushToast(toast) {
    const id = nextToastId++;
    // One outcome at a time, as Gmail does: an older "Undo" next to a newer one would undo the wrong thing.
    const outcome = (kind: ActionToast['kind']) => kind === 'done' || kind === 'undone';
    set((state) => ({
      toasts: [...state.toasts.filter((shown) => !(outcome(toast.kind) && outcome(shown.kind))), { ...toast, id } as ActionToast].slice(-MAX_TOASTS),
    }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  set: (patch) => set(patch),
}));
