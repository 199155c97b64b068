import { useEffect, useState } from 'react';
import type { MessageDetail } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { useCoreEvent } from '../../lib/hooks';

export type DetailState =
  | { phase: 'loading' }
  | { phase: 'ready'; message: MessageDetail }
  | { phase: 'failed'; error: unknown };

/** Opens a message and keeps it current: refetched when the store reports a change to it (its body arrived). */
export function useMessageDetail(messageId: number): DetailState {
  const [state, setState] = useState<DetailState>({ phase: 'loading' });
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    api.messages.get(messageId).then(
      (message) => current && setState({ phase: 'ready', message }),
      (error: unknown) => current && setState({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [messageId, revision]);

  useCoreEvent('store:changed', (change) => {
    if (change.entity === 'message' && change.kind !== 'insert' && change.ids.includes(messageId)) {
      setRevision((value) => value + 1);
    }
  });

  return state;
}
