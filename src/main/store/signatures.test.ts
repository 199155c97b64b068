import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from './settings';
import { openTestStore, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

describe('signature settings', () => {
  it('keeps one plain-text signature per account across a re-read', () => {
    updateSettings(t.store, { signatures: { 'account-1': 'Anna Rossi\nUfficio tecnico' } });
    expect(getSettings(t.store.db).signatures).toEqual({ 'account-1': 'Anna Rossi\nUfficio tecnico' });
  });

  it('refuses a signature that is not text, naming the account, and writes nothing', () => {
    expect(() => updateSettings(t.store, { signatures: { 'account-1': 42 } })).toThrow(
      expect.objectContaining({ code: 'invalid-input', details: { field: 'signatures.account-1' } }),
    );
    expect(() => updateSettings(t.store, { signatures: ['no'] })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(getSettings(t.store.db).signatures).toEqual({});
  });
});
