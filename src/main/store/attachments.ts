/**
 * Attachment metadata (from BODYSTRUCTURE, stored with the headers) and, once fetched, their bytes. The bytes
 * live in their own table so listing a message's attachments never reads them, and they go with the message.
 */
import { PostinoError } from '../../shared/errors';
import type { AttachmentMeta } from '../../shared/types';
import { all, get, run, type Db } from './db';
import type { Store } from './store';

const META_COLUMNS = `a.id, a.message_id AS messageId, a.filename, a.content_type AS contentType, a.size, a.part,
  EXISTS (SELECT 1 FROM attachment_contents c WHERE c.attachment_id = a.id) AS cached`;

type MetaRow = Omit<AttachmentMeta, 'cached'> & { cached: number };

const toMeta = (row: MetaRow): AttachmentMeta => ({ ...row, cached: row.cached === 1 });

/** A message's attachments in part order. Inline parts (cid: images of the HTML) are not listed. */
export function listAttachments(db: Db, messageId: number): AttachmentMeta[] {
  return all<MetaRow>(
    db,
    `SELECT ${META_COLUMNS} FROM attachments a WHERE a.message_id = ? AND a.inline = 0 ORDER BY a.id`,
    [messageId],
  ).map(toMeta);
}

export interface AttachmentInfo extends AttachmentMeta {
  contentId: string | null;
  inline: boolean;
}

/** One attachment's metadata; `not-found` once its message is gone. */
export function getAttachment(db: Db, attachmentId: number): AttachmentInfo {
  const row = get<MetaRow & { contentId: string | null; inline: number }>(
    db,
    `SELECT ${META_COLUMNS}, a.content_id AS contentId, a.inline FROM attachments a WHERE a.id = ?`,
    [attachmentId],
  );
  if (!row) throw new PostinoError('not-found', `Attachment ${attachmentId} is not in the cache`, { attachmentId });
  const { inline, contentId, ...meta } = row;
  return { ...toMeta(meta), contentId, inline: inline === 1 };
}

/** The cached bytes, or null before the first download. */
export function readAttachmentContent(db: Db, attachmentId: number): Buffer | null {
  return (
    get<{ bytes: Buffer }>(db, 'SELECT bytes FROM attachment_contents WHERE attachment_id = ?', [attachmentId])
      ?.bytes ?? null
  );
}

export function saveAttachmentContent(store: Store, attachmentId: number, bytes: Buffer): void {
  store.write(
    () => {
      const { messageId } = getAttachment(store.db, attachmentId);
      run(store.db, 'INSERT OR REPLACE INTO attachment_contents (attachment_id, bytes) VALUES (?, ?)', [
        attachmentId,
        bytes,
      ]);
      return messageId;
    },
    (messageId) => ({ entity: 'message', kind: 'update', ids: [messageId] }),
  );
}
