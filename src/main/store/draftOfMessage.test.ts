import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/compose';
import { draftOfMessage, recordDraftOnServer, upsertDraft } from './drafts';
import { createSyncSink } from './syncSink';
import { header, openTestStore, remoteFolder, seedAccount, type TestStore } from './testStore';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.dispose());

describe('the draft behind a message in the Drafts folder', () => {
  it('is found from the cached server copy, and a draft written elsewhere has none', () => {
    const { accountId, folderIds } = seedAccount(t.store, 'anna@postino.test', [remoteFolder('INBOX', 'inbox'), remoteFolder('Drafts', 'drafts')]);
    const drafts = folderIds.get('Drafts') as number;
    const draft: Draft = { draftId: 'd-1', accountId, revision: 3, to: [], cc: [], bcc: [], subject: 'Offerta', html: '<p>Ciao</p>', attachments: [] };
    t.store.write(() => {
      upsertDraft(t.store.db, draft, 1);
      recordDraftOnServer(t.store.db, 'd-1', { folderId: drafts, uid: 5, revision: 3 });
    }, () => null);
    const [copy, foreign] = createSyncSink(t.store).applyNewMessages(drafts, [header(5), header(6)]) as [number, number];
    expect(draftOfMessage(t.store.db, copy)?.draft).toEqual(draft);
    expect(draftOfMessage(t.store.db, foreign)).toBeNull();
  });
});
