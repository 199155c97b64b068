import type { MessageIdsQuery } from '../../../shared/api/messages';
import type { Checked } from '../message-list/checked';

/** The list an action was started from: one folder or the unified Inbox, grouped into conversations or not. */
export interface ListScope {
  /** null: every account's Inbox. */
  folderId: number | null;
  threaded: boolean;
}

/**
 * The message ids an action takes. Ticked rows of a flat list are the ids themselves (no round trip); a rule
 * ("all but these") or a threaded list, where a row stands for its whole conversation, is resolved by the core in
 * one query, so even 100,000 rows cost one call and no loop here.
 */
export async function resolveTargets(
  checked: Checked,
  scope: ListScope,
  listIds: (query: MessageIdsQuery) => Promise<number[]>,
): Promise<number[]> {
  const list: MessageIdsQuery = scope.folderId === null ? { unifiedInbox: true } : { folderId: scope.folderId };
  if (checked.kind === 'all') {
    // Up to the newest row when "select all" was clicked: later arrivals were never ticked (see checked.ts).
    const until = checked.until === null ? {} : { filter: { until: checked.until } };
    return listIds({ ...list, threaded: scope.threaded, except: [...checked.except], ...until });
  }
  const ids = [...checked.rows.keys()];
  if (ids.length === 0 || !scope.threaded) return ids;
  return listIds({ ...list, threaded: true, only: ids });
}
