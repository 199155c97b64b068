import { beforeEach, describe, expect, it } from 'vitest';
import { useActionsStore } from './actionsStore';

beforeEach(() => useActionsStore.setState({ toasts: [] }));

describe('action toasts', () => {
  it('show one outcome at a time, so an older Undo never sits beside a newer one', () => {
    const { pushToast } = useActionsStore.getState();
    pushToast({ kind: 'done', action: 'archive', count: 3, undoTaskId: 1 });
    pushToast({ kind: 'done', action: 'delete', count: 1, undoTaskId: 2 });
    expect(useActionsStore.getState().toasts.map((toast) => toast.kind === 'done' && toast.undoTaskId)).toEqual([2]);
  });

  it('keep failures beside the newest outcome, and at most three toasts in all', () => {
    const { pushToast } = useActionsStore.getState();
    for (let i = 0; i < 3; i += 1) pushToast({ kind: 'failed', action: 'move', count: 1, error: { code: 'server-refused' } });
    pushToast({ kind: 'undone' });
    expect(useActionsStore.getState().toasts.map((toast) => toast.kind)).toEqual(['failed', 'failed', 'undone']);
  });
});
