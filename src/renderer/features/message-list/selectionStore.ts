import { create } from 'zustand';

interface SelectionState {
  /** Row the keyboard cursor is on (index in the list). */
  cursorIndex: number;
  /** The message under the cursor: when a refresh moves it (new mail above it), the cursor follows it. */
  cursorMessageId: number | null;
  /** Message open in the reader. */
  openMessageId: number | null;
  moveCursor(index: number, messageId: number | null): void;
  open(messageId: number, index: number): void;
  /** A new folder: cursor back to the top, reader emptied. */
  reset(): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  cursorIndex: 0,
  cursorMessageId: null,
  openMessageId: null,
  moveCursor: (index, messageId) => set({ cursorIndex: index, cursorMessageId: messageId }),
  open: (messageId, index) => set({ openMessageId: messageId, cursorIndex: index, cursorMessageId: messageId }),
  reset: () => set({ cursorIndex: 0, cursorMessageId: null, openMessageId: null }),
}));

export const useOpenMessageId = (): number | null => useSelectionStore((state) => state.openMessageId);
