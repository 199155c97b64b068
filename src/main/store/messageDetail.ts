/** Everything the reader shows of one message, and where it lives on the server for on-demand fetches. */
import { PostinoError } from '../../shared/errors';
import type { Address, MessageDetail } from '../../shared/types';
import type { MessageLocation, TextPart } from '../sync/sink';
import { listAttachments } from './attachments';
import { readBody } from './bodies';
import { get, type Db } from './db';
import { summaryColumns, toSummary, type SummaryRow } from './messageRows';
import { getSettings, normaliseSender } from './settings';

interface DetailRow extends SummaryRow {
  bccJson: string;
  replyToJson: string;
  bodyCached: number;
}

/**
 * A cached message with its body (text and html null while the body is not cached; `bodyAvailable` says which),
 * its attachments, and whether the user allowed remote content from its sender. `not-found` once expunged.
 */
export function getMessageDetail(db: Db, messageId: number): MessageDetail {
  const row = get<DetailRow>(
    db,
    `SELECT ${summaryColumns(true)}, m.bcc_json AS bccJson, m.reply_to_json AS replyToJson,
       m.body_cached AS bodyCached
     FROM messages m WHERE m.id = ?`,
    [messageId],
  );
  if (!row) throw new PostinoError('not-found', `Message ${messageId} is not in the cache`, { messageId });
  const summary = toSummary(row);
  const body = readBody(db, messageId);
  const sender = summary.from ? normaliseSender(summary.from.address) : null;
  return {
    ...summary,
    bcc: JSON.parse(row.bccJson) as Address[],
    replyTo: JSON.parse(row.replyToJson) as Address[],
    text: body?.text ?? null,
    html: body?.html ?? null,
    hasRemoteContent: body?.hasRemoteContent ?? false,
    remoteContentAllowed: sender !== null && getSettings(db).remoteContentSenders.includes(sender),
    attachments: listAttachments(db, messageId),
    bodyAvailable: row.bodyCached === 1,
  };
}

/** Account, folder path and UID of a cached message; null once it is gone. */
export function locateMessage(db: Db, messageId: number): MessageLocation | null {
  const row = get<Omit<MessageLocation, 'textParts'> & { textPartsJson: string }>(
    db,
    `SELECT m.account_id AS accountId, m.folder_id AS folderId, f.path AS folderPath, m.uid,
       m.text_parts_json AS textPartsJson
     FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
    [messageId],
  );
  if (!row) return null;
  const { textPartsJson, ...location } = row;
  return { ...location, textParts: JSON.parse(textPartsJson) as TextPart[] };
}
