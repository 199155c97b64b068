import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './db';
import { openTestStore, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

const setting = (key: string) => () => run(t.store.db, "INSERT INTO settings (key, value) VALUES (?, '1')", [key]);

describe('store writes', () => {
  it('emit their change record after the commit', () => {
    t.store.write(setting('a'), () => ({ entity: 'settings', kind: 'update', ids: ['a'] }));
    expect(t.changes).toEqual([{ entity: 'settings', kind: 'update', ids: ['a'] }]);
  });

  it('emit nothing when the work fails, and leave nothing written', () => {
    expect(() =>
      t.store.write(
        () => {
          setting('a')();
          throw new Error('boom');
        },
        () => ({ entity: 'settings', kind: 'update', ids: ['a'] }),
      ),
    ).toThrow('boom');
    expect(t.changes).toEqual([]);
    expect(t.store.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
  });

  it('nested inside another write, hold their record until the outer one commits, or drop it on rollback', () => {
    const nested = () =>
      t.store.write(
        () => {
          t.store.write(setting('inner'), () => ({ entity: 'settings', kind: 'update', ids: ['inner'] }));
          expect(t.changes).toEqual([]);
          setting('outer')();
        },
        () => ({ entity: 'settings', kind: 'update', ids: ['outer'] }),
      );
    nested();
    expect(t.changes.map((change) => change.ids)).toEqual([['inner'], ['outer']]);

    t.changes.length = 0;
    expect(() =>
      t.store.write(
        () => {
          t.store.write(setting('again'), () => ({ entity: 'settings', kind: 'update', ids: ['again'] }));
          throw new Error('outer failed');
        },
        () => null,
      ),
    ).toThrow('outer failed');
    expect(t.changes).toEqual([]);
  });
});
