/**
 * The store's side of the sync seam (src/main/sync/sink.ts). Each call is one transaction and, when it changed
 * something, one ChangeRecord. A 'folder' record also means the folder's messages may have changed (a reset, a
 * deleted folder); a 'message' record also means the folder counters moved.
 */
import type { ChangeRecord } from '../../shared/types';
import type { SyncSink } from '../sync/sink';
import { listBodiesWanted, saveBodies, saveBody } from './bodies';
import { clearFolder, readFolderState, syncFolders, writeFolderState } from './folders';
import { locateMessage } from './messageDetail';
import { listSummaries } from './messages';
import { applyFlags, expungeUids, folderOwner, upsertHeaders } from './messageWrites';
import { getSettings } from './settings';
import type { Store } from './store';
import { cachedUidsForSync } from './tasks';

function record(entity: ChangeRecord['entity'], kind: ChangeRecord['kind'], ids: number[]): ChangeRecord | null {
  return ids.length === 0 ? null : { entity, kind, ids };
}

export function createSyncSink(store: Store): SyncSink {
  const { db } = store;
  return {
    syncFolderList(accountId, folders) {
      const changes = store.write(
        () => syncFolders(db, accountId, folders),
        ({ insertedIds, updatedIds, deletedIds }) => {
          // One record per transaction: the strongest kind wins, its ids cover every folder touched.
          const kind = deletedIds.length > 0 ? 'delete' : insertedIds.length > 0 ? 'insert' : 'update';
          return record('folder', kind, [...deletedIds, ...insertedIds, ...updatedIds]);
        },
      );
      return changes.idsByPath;
    },

    getFolderState: (folderId) => readFolderState(db, folderId),

    setFolderState(folderId, state) {
      store.write(
        () => writeFolderState(db, folderId, state),
        () => record('folder', 'update', [folderId]),
      );
    },

    resetFolder(folderId, uidValidity) {
      store.write(
        () => {
          folderOwner(db, folderId);
          clearFolder(db, folderId, uidValidity);
        },
        () => record('folder', 'update', [folderId]),
      );
    },

    applyNewMessages(folderId, headers) {
      const { insertedIds } = store.write(
        () => upsertHeaders(db, folderId, headers),
        ({ insertedIds, updatedIds }) =>
          insertedIds.length > 0
            ? record('message', 'insert', [...insertedIds, ...updatedIds])
            : record('message', 'update', updatedIds),
      );
      return insertedIds;
    },

    applyFlagChanges(folderId, changes) {
      store.write(
        () => applyFlags(db, folderId, changes),
        (changedIds) => record('message', 'update', changedIds),
      );
    },

    applyExpunge(folderId, uids) {
      store.write(
        () => expungeUids(db, folderId, uids),
        (deletedIds) => record('message', 'delete', deletedIds),
      );
    },

    // Pending actions' server copies count as cached, placeholders do not (src/main/store/tasks.ts).
    cachedUids: (folderId) => cachedUidsForSync(db, folderId),

    bodiesWanted: (folderId, sinceDate, limit) => listBodiesWanted(db, folderId, sinceDate, limit),

    applyBody(messageId, body) {
      store.write(
        () => saveBody(db, messageId, body),
        (saved) => (saved ? record('message', 'update', [messageId]) : null),
      );
    },

    applyBodies(bodies) {
      return store.write(
        () => saveBodies(db, bodies),
        (savedIds) => record('message', 'update', savedIds),
      );
    },

    locateMessage: (messageId) => locateMessage(db, messageId),

    summaries: (messageIds) => listSummaries(db, messageIds, getSettings(db).threaded),
  };
}
