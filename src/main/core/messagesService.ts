/**
 * The reader's side of the messages API: everything is served from the cache; what is not cached yet (a body
 * outside the offline window, an attachment) is fetched once through the sync engine and cached for next time.
 */
import type { MessagesApi } from '../../shared/api/messages';
import { getAttachment, readAttachmentContent, saveAttachmentContent } from '../store/attachments';
import { getMessageDetail } from '../store/messageDetail';
import { listMessageIds, listMessages } from '../store/messages';
import type { Store } from '../store/store';
import type { SyncEngine } from '../sync/engine';

export function createMessagesService(deps: { store: Store; sync: Pick<SyncEngine, 'fetchBodyNow' | 'fetchAttachment'> }): MessagesApi {
  const { store, sync } = deps;
  return {
    list: async (query) => listMessages(store.db, query),
    listIds: async (query) => listMessageIds(store.db, query),

    async get(id) {
      const cached = getMessageDetail(store.db, id);
      if (cached.bodyAvailable) return cached;
      // Offline the reader still gets headers and says the body is not available; it never errors out.
      const fetched = await sync.fetchBodyNow(id);
      return fetched ? getMessageDetail(store.db, id) : cached;
    },

    async attachment(attachmentId) {
      const meta = getAttachment(store.db, attachmentId);
      let bytes = readAttachmentContent(store.db, attachmentId);
      if (!bytes) {
        bytes = (await sync.fetchAttachment(meta.messageId, meta.part)).content;
        saveAttachmentContent(store, attachmentId, bytes);
      }
      return { filename: meta.filename, contentType: meta.contentType, base64: bytes.toString('base64') };
    },
  };
}
