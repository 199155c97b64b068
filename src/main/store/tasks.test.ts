import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all } from './db';
import { openTestStore, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

/** The details of SQLite's plan for a query: which index (if any) each step uses. */
const plan = (sql: string, params: unknown[]): string =>
  all<{ detail: string }>(t.store.db, `EXPLAIN QUERY PLAN ${sql}`, params)
    .map((row) => row.detail)
    .join(' | ');

describe('indexes of the tasks, outbox and drafts migrations', () => {
  it('the runner finds an account’s first pending task through the partial index, without a sort', () => {
    const detail = plan("SELECT id FROM tasks WHERE account_id = ? AND state = 'pending' ORDER BY id LIMIT 1", ['a']);
    expect(detail).toContain('tasks_pending_by_account');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('undo finds the tasks of a batch through its index', () => {
    expect(plan('SELECT id FROM tasks WHERE batch_id = ? ORDER BY id', [1])).toContain('tasks_by_batch');
  });

  it('the server location of a message is found by message id', () => {
    expect(plan('SELECT folder_id, uid FROM remote_locations WHERE message_id = ?', [1])).toContain('remote_locations_by_message');
  });

  it('the outbox finds an account’s next queued message through the partial index, without a sort', () => {
    const detail = plan(
      "SELECT id FROM outbox WHERE account_id = ? AND state = 'queued' ORDER BY next_attempt_at, id LIMIT 1",
      ['a'],
    );
    expect(detail).toContain('outbox_queued_by_account');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
