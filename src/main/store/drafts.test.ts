import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/compose';
import { getDraft, upsertDraft } from './drafts';
import { openTestStore, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let accountId: string;
beforeEach(() => {
  t = openTestStore();
  accountId = seedAccount(t.store).accountId;
});
afterEach(() => t.dispose());

const draft = (revision: number, subject = `Revisione ${revision}`): Draft => ({
  draftId: 'd-1',
  accountId,
  revision,
  to: [],
  cc: [],
  bcc: [],
  subject,
  html: subject ? `<p>${subject}</p>` : '',
  attachments: [],
});
const save = (d: Draft) => t.store.write(() => upsertDraft(t.store.db, d, 1), () => null);

describe('drafts', () => {
  it('a save never replaces a newer or equal revision with an older one', () => {
    expect(save(draft(5))).toBe(5);
    expect(save(draft(3))).toBe(5);
    expect(save(draft(5, 'Altro'))).toBe(5);
    expect(getDraft(t.store.db, 'd-1').draft.subject).toBe('Revisione 5');
    expect(save(draft(6))).toBe(6);
    expect(getDraft(t.store.db, 'd-1').draft.subject).toBe('Revisione 6');
  });

  it('an empty draft never replaces one with content, whatever its revision', () => {
    save(draft(1));
    expect(save(draft(9, ''))).toBe(1);
    expect(getDraft(t.store.db, 'd-1').draft.subject).toBe('Revisione 1');
  });
});
