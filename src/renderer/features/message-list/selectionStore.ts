import { create } from 'zustand';
import { NONE_CHECKED, type Checked } from './checked';

interface SelectionState {
  /** Row the keyboard cursor is on (index in the list). */
  cursorIndex: number;
  /** The message under the cursor: when a refresh moves it (new mail above it), the cursor follows it. */
  cursorMessageId: number | null;
  /** Message open in the reader. */
  openMessageId: number | null;
  /** Rows ticked for acting on together (see checked.ts). */
  checked: Checked;
  /** The row last ticked or unticked by hand: where a shift-click range starts. */
  checkAnchor: number | null;
  moveCursor(index: number, messageId: number | null): void;
  open(messageId: number, index: number): void;
  /** Empties the reader (its message left the list). */
  closeReader(): void;
  setChecked(checked: Checked, anchor?: number | null): void;
  clearChecks(): void;
  /** A new folder: cursor back to the top, reader emptied, nothing ticked. */
  reset(): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  cursorIndex: 0,
  cursorMessageId: null,
  openMessageId: null,
  checked: NONE_CHECKED,
  checkAnchor: null,
  moveCursor: (index, messageId) => set({ cursorIndex: index, cursorMessageId: messageId }),
  open: (messageId, index) => set({ openMessageId: messageId, cursorIndex: index, cursorMessageId: messageId }),
  closeReader: () => set({ openMessageId: null }),
  setChecked: (checked, anchor) => set(anchor === undefined ? { checked } : { checked, checkAnchor: anchor }),
  clearChecks: () => set({ checked: NONE_CHECKED, checkAnchor: null }),
  reset: () => set({ cursorIndex: 0, cursorMessageId: null, openMessageId: null, checked: NONE_CHECKED, checkAnchor: null }),
}));

export const useOpenMessageId = (): number | null => useSelectionStore((state) => state.openMessageId);
export const useChecked = (): Checked => useSelectionStore((state) => state.checked);
