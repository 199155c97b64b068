import { create } from 'zustand';

interface SelectionState {
  /** Row the keyboard cursor is on (index in the list). */
  cursorIndex: number;
  /** Message open in the reader. */
  openMessageId: number | null;
  moveCursor(index: number): void;
  open(messageId: number, index: number): void;
  /** A new folder: cursor back to the top, reader emptied. */
  reset(): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  cursorIndex: 0,
  openMessageId: null,
  moveCursor: (index) => set({ cursorIndex: index }),
  open: (messageId, index) => set({ openMessageId: messageId, cursorIndex: index }),
  reset: () => set({ cursorIndex: 0, openMessageId: null }),
}));

export const useOpenMessageId = (): number | null => useSelectionStore((state) => state.openMessageId);
