/** Cached bodies: the text and sanitised HTML of a message, fetched once and kept for offline reading. */
import type { ParsedBody, TextPart } from '../sync/sink';
import { all, bit, get, run, type Db } from './db';
import { indexFullText, SEARCH_COLUMNS_SQL, searchableText, type FullSearchEntry, type SearchColumns } from './search';

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

/**
 * Stores a message's body and fills the list preview when the server gave none; returns the message's full search
 * entry, or null when the message is no longer cached (expunged while its body was in flight).
 */
function storeBody(db: Db, messageId: number, body: ParsedBody): FullSearchEntry | null {
  const message = get<SearchColumns & { hadBody: number }>(
    db,
    `UPDATE messages SET body_cached = 1, snippet = CASE WHEN snippet = '' THEN @snippet ELSE snippet END
     WHERE id = @messageId
     RETURNING ${SEARCH_COLUMNS_SQL()}, (SELECT count(*) FROM bodies WHERE message_id = @messageId) AS hadBody`,
    { messageId, snippet: body.snippet },
  );
  if (!message) return null;
  run(db, 'INSERT OR REPLACE INTO bodies (message_id, text, html, has_remote_content) VALUES (?, ?, ?, ?)', [
    messageId,
    body.text,
    body.html,
    bit(body.hasRemoteContent),
  ]);
  return { messageId, date: message.date, text: searchableText(message, body.text ?? ''), replace: message.hadBody > 0 };
}

/** Stores one body and indexes its text; false when the message is no longer cached. */
export function saveBody(db: Db, messageId: number, body: ParsedBody): boolean {
  return saveBodies(db, [{ messageId, body }]).length > 0;
}

/**
 * Stores many bodies (inside the caller's transaction), then indexes them as a batch (one FTS5 segment, see
 * search.ts); returns the ids of the messages still cached.
 */
export function saveBodies(db: Db, bodies: ReadonlyArray<{ messageId: number; body: ParsedBody }>): number[] {
  const entries = bodies.flatMap(({ messageId, body }) => storeBody(db, messageId, body) ?? []);
  indexFullText(db, entries);
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
