import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { attachContext, get, SLOW_QUERY_MS } from './db';

describe('store queries', () => {
  it('a query slower than 40 ms is logged with its SQL; a fast one is not', () => {
    const db = new Database(':memory:');
    const warn = vi.fn();
    attachContext(db, { warn });
    db.function('stall', (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until);
      return ms;
    });
    get(db, 'SELECT 1 AS one');
    expect(warn).not.toHaveBeenCalled();
    get(db, 'SELECT stall(?) AS waited', [SLOW_QUERY_MS + 15]);
    expect(warn).toHaveBeenCalledWith(
      'store: slow query',
      expect.objectContaining({ sql: 'SELECT stall(?) AS waited' }),
    );
    db.close();
  });

  it('a connection not opened by createStore is refused rather than run without logging', () => {
    const db = new Database(':memory:');
    expect(() => get(db, 'SELECT 1')).toThrow(/createStore/);
    db.close();
  });
});
