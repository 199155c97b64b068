/** The outbox as the Outbox view shows it: refetched whenever the core reports an outbox change. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { OutboxEntry } from '../../../shared/api/compose';
import { api } from '../../lib/bridge';
import { useCoreEvent } from '../../lib/hooks';
import { pendingEntries } from './outboxEntries';

interface OutboxState {
  /** Messages still in the outbox (see pendingEntries). */
  entries: OutboxEntry[];
  viewOpen: boolean;
  load(): Promise<void>;
  showView(): void;
  hideView(): void;
}

export const useOutboxStore = create<OutboxState>()((set) => ({
  entries: [],
  viewOpen: false,
  async load() {
    set({ entries: pendingEntries(await api.compose.listOutbox()) });
  },
  showView: () => set({ viewOpen: true }),
  hideView: () => set({ viewOpen: false }),
}));

/** Keeps the outbox current; mounted once, by the folder pane that shows the Outbox entry. */
export function useOutboxUpdates(): void {
  const load = useOutboxStore((state) => state.load);
  // A failed refetch keeps the list shown; the next change tries again.
  useEffect(() => void load().catch(() => {}), [load]);
  useCoreEvent('store:changed', (change) => {
    if (change.entity === 'outbox') load().catch(() => {});
  });
}

export const useOutboxEntries = (): OutboxEntry[] => useOutboxStore((state) => state.entries);
