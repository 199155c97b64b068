/**
 * Which message is being written (one composer at a time, like a sheet in Apple Mail) and the notices that
 * outlive it: "Sending… Undo", and a message the outbox could not send.
 */
import { create } from 'zustand';
import type { Draft, OutboxEntry } from '../../../shared/api/compose';

export interface ComposerSession {
  /** Fresh for each opened composer, so React starts it from scratch. */
  key: number;
  /** The contents it opens with; `html` as the editor holds it (pasted images as data: URLs). */
  draft: Draft;
  kind: 'new' | 'reply' | 'forward' | 'draft';
  /** What a forward carries, fetched and added once it opens: the original's attachments, or the original itself. */
  forwardedAttachments: ForwardedFile[];
}

/** A cached attachment of the original (by id), or the whole original message as `message/rfc822` (by message id). */
export type ForwardedFile = { filename: string; attachmentId: number } | { filename: string; messageId: number };

export type SendNotice =
  | { kind: 'sending'; entry: OutboxEntry; scheduled: boolean }
  | { kind: 'failed'; entry: OutboxEntry };

interface ComposerState {
  session: ComposerSession | null;
  notices: SendNotice[];
  open(draft: Draft, kind: ComposerSession['kind'], forwardedAttachments?: ComposerSession['forwardedAttachments']): void;
  close(): void;
  notify(notice: SendNotice): void;
  dismiss(outboxId: number): void;
}

let nextKey = 1;

export const useComposerStore = create<ComposerState>()((set) => ({
  session: null,
  notices: [],
  open: (draft, kind, forwardedAttachments = []) => set({ session: { key: nextKey++, draft, kind, forwardedAttachments } }),
  close: () => set({ session: null }),
  notify: (notice) =>
    set((state) => ({ notices: [...state.notices.filter((other) => other.entry.id !== notice.entry.id), notice] })),
  dismiss: (outboxId) => set((state) => ({ notices: state.notices.filter((notice) => notice.entry.id !== outboxId) })),
}));

export const useComposerSession = (): ComposerSession | null => useComposerStore((state) => state.session);
