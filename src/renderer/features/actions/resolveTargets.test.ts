import { describe, expect, it, vi } from 'vitest';
import type { MessageIdsQuery } from '../../../shared/api/messages';
import { allChecked, NONE_CHECKED, setChecked } from '../message-list/checked';
import type { MessageSummary } from '../../../shared/types';
import { UNKNOWN_STATE } from './actionKinds';
import { resolveTargets } from './resolveTargets';
import { checkedState } from './selectionTarget';

const rows = (...ids: number[]) => setChecked(NONE_CHECKED, ids.map((id) => ({ id, accountId: 'a', date: 0 })), true);

describe('resolving what an action acts on', () => {
  it('takes ticked rows of a flat list as they are, without asking the core', async () => {
    const listIds = vi.fn(async () => [99]);
    expect(await resolveTargets(rows(3, 1, 2), { folderId: 5, threaded: false }, listIds)).toEqual([3, 1, 2]);
    expect(listIds).not.toHaveBeenCalled();
  });

  it('asks the core once for "all of the folder but these", with the exceptions', async () => {
    const listIds = vi.fn(async (query: MessageIdsQuery) => Array.from({ length: 10_000 }, (_, i) => i + 1).filter((id) => !query.except?.includes(id)));
    const ids = await resolveTargets({ kind: 'all', except: new Set([4, 8]), until: null }, { folderId: 5, threaded: false }, listIds);
    expect(listIds).toHaveBeenCalledTimes(1);
    expect(listIds).toHaveBeenCalledWith({ folderId: 5, threaded: false, except: [4, 8] });
    expect(ids).toHaveLength(9_998);
    expect(ids).not.toContain(4);
  });

  it('stops "all" at the newest row the user saw, so later arrivals are left alone', async () => {
    const listIds = vi.fn(async () => [1]);
    await resolveTargets({ kind: 'all', except: new Set(), until: 1_700_000_000_000 }, { folderId: 5, threaded: true }, listIds);
    expect(listIds).toHaveBeenCalledWith({ folderId: 5, threaded: true, except: [], filter: { until: 1_700_000_000_000 } });
  });

  it('expands ticked conversations through the core, in the unified Inbox too', async () => {
    const listIds = vi.fn(async () => [1, 11, 12]);
    expect(await resolveTargets(rows(1), { folderId: null, threaded: true }, listIds)).toEqual([1, 11, 12]);
    expect(listIds).toHaveBeenCalledWith({ unifiedInbox: true, threaded: true, only: [1] });
  });

  it('resolves nothing ticked to no ids and no call', async () => {
    const listIds = vi.fn(async () => [1]);
    expect(await resolveTargets(NONE_CHECKED, { folderId: 5, threaded: true }, listIds)).toEqual([]);
    expect(listIds).not.toHaveBeenCalled();
  });
});

describe('what the ticked rows are like', () => {
  const loaded = [
    { id: 1, seen: true, flagged: false },
    { id: 2, seen: false, flagged: false },
  ] as MessageSummary[];

  it('is known when every ticked row is loaded', () => {
    expect(checkedState(rows(1), loaded, 2)).toEqual({ someUnread: false, someRead: true, someFlagged: false, someUnflagged: true });
  });

  it('is unknown when some ticked rows were never loaded, so every action stays on offer', () => {
    expect(checkedState(rows(1, 77), loaded, 500)).toEqual(UNKNOWN_STATE);
    expect(checkedState(allChecked(null), loaded, 10_000)).toEqual(UNKNOWN_STATE);
  });
});
