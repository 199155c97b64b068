import { useEffect, useRef } from 'react';
import type { MessageDetail } from '../../../shared/types';
import { api } from '../../lib/bridge';

/**
 * Opening an unread message marks it read, once per opening: the action is queued by the core (the list turns
 * non-bold at once, the server follows), and a later "mark unread" while it stays open is not undone.
 */
export function useMarkReadOnOpen(message: MessageDetail): void {
  const markedFor = useRef<number | null>(null);
  useEffect(() => {
    if (message.seen || markedFor.current === message.id) return;
    markedFor.current = message.id;
    api.actions.markRead([message.id]).catch(() => {
      // Left unread: the bold row says so, and opening it again tries again.
    });
  }, [message.id, message.seen]);
}
