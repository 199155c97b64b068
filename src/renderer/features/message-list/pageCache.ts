import type { MessagePage, MessageSummary } from '../../../shared/types';

export interface PageCacheOptions {
  pageSize: number;
  /** Loads `limit` rows from `offset`; the cache calls it at most once per page at a time. */
  fetchPage(offset: number, limit: number): Promise<MessagePage>;
  /** Called after rows or the total changed, so the view re-renders. */
  onChange(): void;
  onError(err: unknown): void;
}

/**
 * The message list's window onto a folder: pages of rows fetched as the user scrolls, kept once loaded, and
 * refreshed in place when the store reports a change. The list renders from `row(i)`; a row not loaded yet is
 * `undefined` and shows as a placeholder until its page arrives, so a 100,000-message folder never waits for
 * more than the page on screen.
 */
export interface PageCache {
  /** Rows in the folder, or null before the first page answered. */
  total(): number | null;
  row(index: number): MessageSummary | undefined;
  /** Where a message is among the loaded rows (after a refresh it may have moved), or null if not loaded. */
  indexOf(messageId: number): number | null;
  /** Every row loaded now, in no set order: what the list knows about ticked rows without asking the core. */
  loadedRows(): MessageSummary[];
  /** Makes sure the pages covering rows `first`..`last` (inclusive) are loaded or loading. */
  ensureRange(first: number, last: number): void;
  /**
   * The folder changed: refetch the pages the user is looking at (`first`..`last`) and forget the others, so
   * scrolling there later loads fresh rows instead of showing stale ones.
   */
  refresh(first: number, last: number): void;
  /** Stops applying answers; a cache is disposed when the folder or the threading changes. */
  dispose(): void;
}

export function pagesCovering(first: number, last: number, pageSize: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(last / pageSize); page += 1) {
    pages.push(page);
  }
  return pages;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const { pageSize } = options;
  const pages = new Map<number, MessageSummary[]>();
  // The generation of each page's latest request: an answer to an older request (a refresh overtook it) is dropped.
  const requested = new Map<number, number>();
  let generation = 0;
  let total: number | null = null;
  let disposed = false;

  const load = (page: number): void => {
    const ticket = ++generation;
    requested.set(page, ticket);
    options.fetchPage(page * pageSize, pageSize).then(
      (answer) => {
        if (disposed || requested.get(page) !== ticket) return;
        requested.delete(page);
        pages.set(page, answer.rows);
        total = answer.total;
        options.onChange();
      },
      (err: unknown) => {
        if (disposed || requested.get(page) !== ticket) return;
        requested.delete(page);
        options.onError(err);
      },
    );
  };

  return {
    total: () => total,
    row: (index) => pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    indexOf(messageId) {
      for (const [page, rows] of pages) {
        const position = rows.findIndex((row) => row.id === messageId);
        if (position !== -1) return page * pageSize + position;
      }
      return null;
    },
    loadedRows: () => [...pages.values()].flat(),
    ensureRange(first, last) {
      for (const page of pagesCovering(first, last, pageSize)) {
        if (!pages.has(page) && !requested.has(page)) load(page);
      }
    },
    refresh(first, last) {
      const visible = new Set(pagesCovering(first, last, pageSize));
      if (visible.size === 0) visible.add(0);
      for (const page of [...pages.keys()]) if (!visible.has(page)) pages.delete(page);
      for (const page of [...requested.keys()]) if (!visible.has(page)) requested.delete(page);
      for (const page of visible) load(page);
    },
    dispose() {
      disposed = true;
    },
  };
}
