import type { DragEvent } from 'react';
import { useActionsStore, type ActionTarget } from './actionsStore';
import { MESSAGES_DRAG_TYPE } from './useFolderDrop';

/**
 * Starts dragging rows towards the folder tree: the target rides in the store (a drag can only carry strings),
 * the drag image is a small badge ("3 messages") instead of a ghost of the whole row.
 */
export function startDraggingRows(event: DragEvent, target: ActionTarget, badgeText: string): void {
  event.dataTransfer.effectAllowed = 'move';
  event.dataTransfer.setData(MESSAGES_DRAG_TYPE, badgeText);
  event.dataTransfer.setData('text/plain', badgeText);
  const badge = document.createElement('div');
  badge.className = 'drag-badge';
  badge.textContent = badgeText;
  document.body.append(badge);
  event.dataTransfer.setDragImage(badge, -10, -10);
  // The browser copies the image when the drag starts; the element is no longer needed after this turn.
  setTimeout(() => badge.remove(), 0);
  useActionsStore.getState().set({ dragging: target });
}

export function stopDraggingRows(): void {
  useActionsStore.getState().set({ dragging: null, dropFolderId: null });
}
