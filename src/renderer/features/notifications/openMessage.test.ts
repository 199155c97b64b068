import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostinoTransport } from '../../../shared/api';
import { useMailboxStore } from '../folders/mailboxStore';
import { useSelectionStore } from '../message-list/selectionStore';
import { openNotifiedMessage } from './openMessage';

/** What the message list does when its mailbox changes: an effect empties the selection after the render. */
function listResetsOnMailboxChange(): () => void {
  return useMailboxStore.subscribe((state, previous) => {
    if (state.selected !== previous.selected) queueMicrotask(() => useSelectionStore.getState().reset());
  });
}

describe('opening a message from a notification', () => {
  let stopList: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    // Selecting a folder asks the core to sync it; the transport answers every request with nothing.
    const transport: PostinoTransport = { invoke: async () => ({ ok: true, value: undefined }), on: () => () => {} };
    vi.stubGlobal('window', { postino: transport });
    useMailboxStore.setState({ selected: { kind: 'unified' }, folders: [] });
    useSelectionStore.setState({ openMessageId: null, cursorIndex: 0 });
    stopList = listResetsOnMailboxChange();
  });
  afterEach(() => {
    stopList();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('selects the message’s folder and opens the message after the list has switched to it', async () => {
    useSelectionStore.setState({ openMessageId: 9, cursorIndex: 4 });
    openNotifiedMessage({ messageId: 42, folderId: 7 });
    expect(useMailboxStore.getState().selected).toEqual({ kind: 'folder', folderId: 7 });
    await vi.advanceTimersByTimeAsync(0);
    expect(useSelectionStore.getState()).toMatchObject({ openMessageId: 42, cursorIndex: 0 });
  });

  it('opens the message at once when its folder is already open', () => {
    useMailboxStore.setState({ selected: { kind: 'folder', folderId: 7 } });
    openNotifiedMessage({ messageId: 42, folderId: 7 });
    expect(useSelectionStore.getState().openMessageId).toBe(42);
  });

  it('goes to the unified Inbox for a notification without a folder', async () => {
    useMailboxStore.setState({ selected: { kind: 'folder', folderId: 3 } });
    await vi.advanceTimersByTimeAsync(0);
    openNotifiedMessage({ messageId: 5, folderId: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(useMailboxStore.getState().selected).toEqual({ kind: 'unified' });
    expect(useSelectionStore.getState().openMessageId).toBe(5);
  });

  it('still opens the message when no list is there to switch', async () => {
    stopList();
    openNotifiedMessage({ messageId: 42, folderId: 7 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(useSelectionStore.getState().openMessageId).toBe(42);
  });

  it('does not open the message if the user has gone to another folder meanwhile', async () => {
    stopList();
    openNotifiedMessage({ messageId: 42, folderId: 7 });
    useMailboxStore.setState({ selected: { kind: 'folder', folderId: 8 } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(useSelectionStore.getState().openMessageId).toBeNull();
  });
});
