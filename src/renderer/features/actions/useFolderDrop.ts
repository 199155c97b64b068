import type { DragEvent } from 'react';
import type { Folder } from '../../../shared/types';
import { useActionsStore } from './actionsStore';
import { moveTo } from './chooseAction';
import { useListContext } from './useListContext';

/** The drag-and-drop type of message rows: no other drag (files, text) can be dropped on a folder. */
export const MESSAGES_DRAG_TYPE = 'application/x-postino-messages';

export interface FolderDrop {
  /** Rows this folder accepts are being dragged over it. */
  over: boolean;
  handlers: {
    onDragOver?(event: DragEvent): void;
    onDragLeave?(event: DragEvent): void;
    onDrop?(event: DragEvent): void;
  };
}

/** Makes a folder of the tree a place to drop dragged rows onto: they move there (same account, another folder). */
export function useFolderDrop(folder: Folder, label: string): FolderDrop {
  const dragging = useActionsStore((state) => state.dragging);
  const over = useActionsStore((state) => state.dropFolderId === folder.id);
  const context = useListContext();
  const accepts =
    dragging !== null &&
    dragging.accountIds.length === 1 &&
    dragging.accountIds[0] === folder.accountId &&
    // Not where they already are: the listed folder, or an Inbox for the unified list.
    (dragging.scope.folderId === null ? folder.role !== 'inbox' : dragging.scope.folderId !== folder.id) &&
    folder.role !== 'all' &&
    folder.role !== 'flagged';
  if (!accepts) return { over: false, handlers: {} };
  const set = useActionsStore.getState().set;
  return {
    over,
    handlers: {
      onDragOver(event) {
        if (!event.dataTransfer.types.includes(MESSAGES_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) set({ dropFolderId: folder.id });
      },
      onDragLeave: () => set({ dropFolderId: null }),
      onDrop(event) {
        event.preventDefault();
        set({ dragging: null, dropFolderId: null });
        moveTo(dragging, folder, label, context.role);
      },
    },
  };
}
