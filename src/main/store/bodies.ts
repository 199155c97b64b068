/** Cached bodies: the text and sanitised HTML of a message, fetched once and kept for offline reading. */
import type { Address } from '../../shared/types';
import type { ParsedBody, TextPart } from '../sync/sink';
import { all, bit, get, run, type Db } from './db';
import { indexInRowidOrder, indexMessage, type NewSearchEntry } from './search';

export interface BodyWanted {
  messageId: number;
  uid: number;
  textParts: TextPart[];
}

/** Exported for its plan test: the partial index of messages without a body, walked newest first. */
export const BODIES_WANTED_SQL = `
  SELECT id AS messageId, uid, text_parts_json AS textPartsJson FROM messages
  WHERE folder_id = ? AND body_cached = 0 AND date >= ?
  ORDER BY date DESC, id DESC LIMIT ?`;

/** Messages of a folder newer than `sinceDate` still without a body, newest first. */
export function listBodiesWanted(db: Db, folderId: number, sinceDate: number, limit: number): BodyWanted[] {
  return all<{ messageId: number; uid: number; textPartsJson: string }>(db, BODIES_WANTED_SQL, [
    folderId,
    sinceDate,
    limit,
  ]).map((row) => ({ messageId: row.messageId, uid: row.uid, textParts: JSON.parse(row.textPartsJson) as TextPart[] }));
}

interface IndexedColumns {
  date: number;
  subject: string;
  fromJson: string | null;
  toJson: string;
  ccJson: string;
  bccJson: string;
  replyToJson: string;
}

/**
 * Stores a message's body and fills the list preview when the server gave none; returns what the search index
 * needs to re-index the message with its body text, or null when the message is no longer cached (expunged while
 * its body was in flight).
 */
function storeBody(db: Db, messageId: number, body: ParsedBody): NewSearchEntry | null {
  const message = get<IndexedColumns>(
    db,
    `UPDATE messages SET body_cached = 1, snippet = CASE WHEN snippet = '' THEN @snippet ELSE snippet END
     WHERE id = @messageId
     RETURNING date, subject, from_json AS fromJson, to_json AS toJson, cc_json AS ccJson, bcc_json AS bccJson,
       reply_to_json AS replyToJson`,
    { messageId, snippet: body.snippet },
  );
  if (!message) return null;
  run(db, 'INSERT OR REPLACE INTO bodies (message_id, text, html, has_remote_content) VALUES (?, ?, ?, ?)', [
    messageId,
    body.text,
    body.html,
    bit(body.hasRemoteContent),
  ]);
  const from = message.fromJson ? (JSON.parse(message.fromJson) as Address) : null;
  const addresses = [message.toJson, message.ccJson, message.bccJson, message.replyToJson].flatMap(
    (json) => JSON.parse(json) as Address[],
  );
  return { messageId, date: message.date, text: { subject: message.subject, addresses: [from, ...addresses], body: body.text ?? '' } };
}

/** Stores one body and re-indexes its message; false when the message is no longer cached. */
export function saveBody(db: Db, messageId: number, body: ParsedBody): boolean {
  const entry = storeBody(db, messageId, body);
  if (entry) indexMessage(db, entry.messageId, entry.date, entry.text, true);
  return entry !== null;
}

/**
 * Stores many bodies (inside the caller's transaction), then re-indexes their messages in rowid order (one FTS5
 * segment for the batch, see indexInRowidOrder); returns the ids of the messages still cached.
 */
export function saveBodies(db: Db, bodies: ReadonlyArray<{ messageId: number; body: ParsedBody }>): number[] {
  const entries = bodies.flatMap(({ messageId, body }) => storeBody(db, messageId, body) ?? []);
  indexInRowidOrder(db, entries, true);
  return entries.map((entry) => entry.messageId);
}

export interface CachedBody {
  text: string | null;
  html: string | null;
  hasRemoteContent: boolean;
}

export function readBody(db: Db, messageId: number): CachedBody | null {
  const row = get<{ text: string | null; html: string | null; hasRemoteContent: number }>(
    db,
    'SELECT text, html, has_remote_content AS hasRemoteContent FROM bodies WHERE message_id = ?',
    [messageId],
  );
  return row ? { text: row.text, html: row.html, hasRemoteContent: row.hasRemoteContent === 1 } : null;
}
