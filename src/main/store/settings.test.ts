import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/types';
import { run } from './db';
import { allowRemoteContent, getSettings, updateSettings } from './settings';
import { openTestStore, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

describe('settings', () => {
  it('a new cache has the default settings', () => {
    expect(getSettings(t.store.db)).toEqual(DEFAULT_SETTINGS);
  });

  it('an update keeps the other settings, survives a re-read, and emits one record naming the keys', () => {
    const updated = updateSettings(t.store, { mailboxLimit: 3, language: 'it' });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, mailboxLimit: 3, language: 'it' });
    expect(getSettings(t.store.db)).toEqual(updated);
    expect(t.changes).toEqual([{ entity: 'settings', kind: 'update', ids: ['mailboxLimit', 'language'] }]);
  });

  it('undo send waits 5 seconds by default and takes any whole number of seconds from 0 to 30', () => {
    expect(getSettings(t.store.db).undoSendSeconds).toBe(5);
    expect(updateSettings(t.store, { undoSendSeconds: 0 }).undoSendSeconds).toBe(0);
    expect(updateSettings(t.store, { undoSendSeconds: 30 }).undoSendSeconds).toBe(30);
  });

  it('merges a partial syncIntervals into the current one', () => {
    const updated = updateSettings(t.store, { syncIntervals: { activeMs: 60_000 } });
    expect(updated.syncIntervals).toEqual({ ...DEFAULT_SETTINGS.syncIntervals, activeMs: 60_000 });
  });

  it('a bad value is invalid-input naming the field, and nothing of the patch is written', () => {
    for (const [patch, field] of [
      [{ mailboxLimit: 0 }, 'mailboxLimit'],
      [{ threaded: 'yes' }, 'threaded'],
      [{ language: 'fr' }, 'language'],
      [{ syncIntervals: { activeMs: -1 } }, 'syncIntervals.activeMs'],
      [{ undoSendSeconds: 31 }, 'undoSendSeconds'],
      [{ undoSendSeconds: -1 }, 'undoSendSeconds'],
      [{ undoSendSeconds: 2.5 }, 'undoSendSeconds'],
      [{ colour: 'blue' }, 'colour'],
    ] as const) {
      expect(() => updateSettings(t.store, { offlineBodyDays: 7, ...patch } as never)).toThrow(
        expect.objectContaining({ code: 'invalid-input', details: { field } }) as Error,
      );
    }
    expect(getSettings(t.store.db)).toEqual(DEFAULT_SETTINGS);
    expect(t.changes).toEqual([]);
  });

  it('allowing remote content adds the sender once, lower-cased', () => {
    allowRemoteContent(t.store, 'News@Example.com');
    const settings = allowRemoteContent(t.store, ' news@example.com ');
    expect(settings.remoteContentSenders).toEqual(['news@example.com']);
  });

  it('a stored value this version cannot read falls back to its default', () => {
    run(t.store.db, "INSERT INTO settings (key, value) VALUES ('mailboxLimit', '\"ten\"'), ('retired', '1')");
    expect(getSettings(t.store.db)).toEqual(DEFAULT_SETTINGS);
  });
});
