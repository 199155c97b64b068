import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageQuery, MessageSummary } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { useCoreEvent } from '../../lib/hooks';
import type { Mailbox } from '../folders/mailboxStore';
import { createPageCache, type PageCache } from './pageCache';
import { leadingThenCoalesced } from './refreshSchedule';

const PAGE_SIZE = 100;
const REFRESH_DELAY_MS = 400;
/** The most rows one `messages.list` call returns (the core's MAX_PAGE_SIZE). */
export const MAX_WINDOW = 1000;

export interface MessagePages {
  cache: PageCache;
  /** Changes whenever rows arrived: a dependency for what is rendered from the cache. */
  version: number;
  error: unknown;
  /** Tells the cache which rows are on screen, so it loads them and refreshes them on changes. */
  setVisibleRange(first: number, last: number): void;
  /** Rows `offset`.. of this list, straight from the core (at most MAX_WINDOW): for a shift-click range. */
  fetchRows(offset: number, limit: number): Promise<MessageSummary[]>;
}

export function useMessagePages(mailbox: Mailbox, threaded: boolean): MessagePages {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const visible = useRef({ first: 0, last: PAGE_SIZE - 1 });
  const folderId = mailbox.kind === 'folder' ? mailbox.folderId : null;

  const fetchPage = useMemo(
    () => (offset: number, limit: number) => {
      const query: MessageQuery =
        folderId === null ? { unifiedInbox: true, offset, limit, threaded } : { folderId, offset, limit, threaded };
      return api.messages.list(query);
    },
    [folderId, threaded],
  );

  const cache = useMemo(
    () =>
      createPageCache({
        pageSize: PAGE_SIZE,
        fetchPage,
        onChange: () => {
          setError(null);
          setVersion((current) => current + 1);
        },
        onError: setError,
      }),
    [fetchPage],
  );

  const refresh = useRef<{ trigger(): void; cancel(): void } | null>(null);

  useEffect(() => {
    visible.current = { first: 0, last: PAGE_SIZE - 1 };
    cache.ensureRange(0, PAGE_SIZE - 1);
    refresh.current = leadingThenCoalesced(() => cache.refresh(visible.current.first, visible.current.last), REFRESH_DELAY_MS);
    const refresher = refresh.current;
    return () => {
      cache.dispose();
      refresher.cancel();
    };
  }, [cache]);

  useCoreEvent('store:changed', (change) => {
    if (change.entity === 'message' || change.entity === 'folder') refresh.current?.trigger();
  });

  return {
    cache,
    version,
    error,
    setVisibleRange(first, last) {
      visible.current = { first, last };
      cache.ensureRange(first, last);
    },
    fetchRows: (offset, limit) => fetchPage(offset, Math.min(limit, MAX_WINDOW)).then((page) => page.rows),
  };
}
