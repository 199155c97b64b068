/**
 * Writes of message headers and flags, as the sync engine delivers them. Every function runs inside the
 * caller's transaction (store.write). The folder counters follow flag changes and deletes through triggers;
 * inserts are added to them here, once per batch (see the migration's notes).
 */
import { PostinoError } from '../../shared/errors';
import type { FlagChange, HeaderRecord } from '../sync/sink';
import { all, bit, get, run, type Db } from './db';
import { indexHeaders, type SearchEntry } from './search';
import { electThreadHead, electThreadHeadsEverywhere, takeThreadHead } from './threadHeads';
import { assignThread } from './threads';

interface FolderOwner {
  accountId: string;
  isInbox: boolean;
}

export function folderOwner(db: Db, folderId: number): FolderOwner {
  const row = get<{ accountId: string; role: string | null }>(
    db,
    'SELECT account_id AS accountId, role FROM folders WHERE id = ?',
    [folderId],
  );
  if (!row) throw new PostinoError('not-found', `Folder ${folderId} is not in the cache`, { folderId });
  return { accountId: row.accountId, isInbox: row.role === 'inbox' };
}

interface FlagColumns {
  flags_json: string;
  seen: 0 | 1;
  flagged: 0 | 1;
  answered: 0 | 1;
}

/** System flags are case-insensitive (RFC 3501 §2.3.2); sorting makes equal flag sets compare equal as JSON. */
export function flagColumns(flags: readonly string[]): FlagColumns {
  const lower = new Set(flags.map((flag) => flag.toLowerCase()));
  return {
    flags_json: JSON.stringify([...flags].sort()),
    seen: bit(lower.has('\\seen')),
    flagged: bit(lower.has('\\flagged')),
    answered: bit(lower.has('\\answered')),
  };
}

const INSERT_MESSAGE = `
  INSERT INTO messages (
    id, folder_id, account_id, uid, modseq, message_id_header, in_reply_to, references_json, thread_id,
    thread_head, is_inbox, flags_json, seen, flagged, answered, subject, from_json, to_json, cc_json, bcc_json,
    reply_to_json, date, internal_date, size, snippet, has_attachments, text_parts_json
  ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_ATTACHMENT = `
  INSERT INTO attachments (message_id, part, filename, content_type, size, content_id, inline)
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** Inserts one new message with its thread and attachments; returns its flag columns and its search entry. */
function insertMessage(
  db: Db,
  id: number,
  folderId: number,
  owner: FolderOwner,
  header: HeaderRecord,
): { flags: FlagColumns; search: SearchEntry } {
  const date = header.date ?? header.internalDate;
  const { threadId, merged, isNew } = assignThread(db, {
    accountId: owner.accountId,
    messageIdHeader: header.messageIdHeader,
    inReplyTo: header.inReplyTo,
    references: header.references,
    subject: header.subject,
    date,
  });
  const isHead = !merged && (isNew || takeThreadHead(db, folderId, threadId, { id, date }));
  const flags = flagColumns(header.flags);
  // Positional parameters: this runs once per header of a full sync, and binding by name costs a lookup each.
  run(db, INSERT_MESSAGE, [
    id,
    folderId,
    owner.accountId,
    header.uid,
    header.modseq,
    header.messageIdHeader,
    header.inReplyTo,
    JSON.stringify(header.references),
    threadId,
    bit(isHead),
    bit(owner.isInbox),
    flags.flags_json,
    flags.seen,
    flags.flagged,
    flags.answered,
    header.subject,
    header.from ? JSON.stringify(header.from) : null,
    JSON.stringify(header.to),
    JSON.stringify(header.cc),
    JSON.stringify(header.bcc),
    JSON.stringify(header.replyTo),
    date,
    header.internalDate,
    header.size,
    header.preview ?? '',
    // Inline parts (signature logos, cid: images) are kept for the reader but do not earn the paper clip.
    bit(header.attachments.some((attachment) => !attachment.inline)),
    JSON.stringify(header.textParts),
  ]);
  if (merged) electThreadHeadsEverywhere(db, threadId);
  for (const a of header.attachments) {
    run(db, INSERT_ATTACHMENT, [id, a.part, a.filename, a.contentType, a.size, a.contentId, bit(a.inline)]);
  }
  const addresses = [header.from, ...header.to, ...header.cc, ...header.bcc, ...header.replyTo];
  return { flags, search: { messageId: id, date, text: { subject: header.subject, addresses, body: '' } } };
}

/** Flags and MODSEQ of a message already cached; returns its id when either changed, else undefined. */
function updateFlags(db: Db, folderId: number, uid: number, flags: readonly string[], modseq: string | null) {
  return get<{ id: number }>(
    db,
    `UPDATE messages SET flags_json = @flags_json, seen = @seen, flagged = @flagged, answered = @answered,
       modseq = coalesce(@modseq, modseq)
     WHERE folder_id = @folderId AND uid = @uid
       AND (flags_json <> @flags_json OR modseq IS NOT coalesce(@modseq, modseq))
     RETURNING id`,
    { folderId, uid, modseq, ...flagColumns(flags) },
  )?.id;
}

export interface UpsertResult {
  insertedIds: number[];
  updatedIds: number[];
}

/**
 * Inserts the messages new to the folder and refreshes the flags of those already cached (same UID: within one
 * UIDVALIDITY a UID always names the same immutable message, RFC 3501 §2.3.1.1), so a batch applied twice
 * changes nothing the second time.
 */
export function upsertHeaders(db: Db, folderId: number, headers: readonly HeaderRecord[]): UpsertResult {
  const owner = folderOwner(db, folderId);
  const result: UpsertResult = { insertedIds: [], updatedIds: [] };
  if (headers.length === 0) return result;
  const cachedIdByUid = new Map(
    all<{ uid: number; id: number }>(
      db,
      'SELECT uid, id FROM messages WHERE folder_id = ? AND uid IN (SELECT value FROM json_each(?))',
      [folderId, JSON.stringify(headers.map((header) => header.uid))],
    ).map((row) => [row.uid, row.id]),
  );
  // Ids are handed out here rather than by SQLite so a new row's thread head is decided before it is inserted
  // (ties on date go to the higher id); the IMMEDIATE transaction makes this connection the only writer.
  let nextId =
    get<{ next: number }>(
      db,
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0),
                  coalesce((SELECT max(id) FROM messages), 0)) + 1 AS next`,
    )?.next ?? 1;
  let unreadInserted = 0;
  const searchEntries: SearchEntry[] = [];
  for (const header of headers) {
    const cachedId = cachedIdByUid.get(header.uid);
    if (cachedId !== undefined) {
      if (updateFlags(db, folderId, header.uid, header.flags, header.modseq) !== undefined) {
        result.updatedIds.push(cachedId);
      }
      continue;
    }
    const inserted = insertMessage(db, nextId, folderId, owner, header);
    if (inserted.flags.seen === 0) unreadInserted += 1;
    searchEntries.push(inserted.search);
    cachedIdByUid.set(header.uid, nextId);
    result.insertedIds.push(nextId);
    nextId += 1;
  }
  indexHeaders(db, searchEntries);
  if (result.insertedIds.length > 0) {
    run(db, 'UPDATE folders SET total_count = total_count + ?, unread_count = unread_count + ? WHERE id = ?', [
      result.insertedIds.length,
      unreadInserted,
      folderId,
    ]);
  }
  return result;
}

export function applyFlags(db: Db, folderId: number, changes: readonly FlagChange[]): number[] {
  folderOwner(db, folderId);
  const changedIds: number[] = [];
  for (const change of changes) {
    const id = updateFlags(db, folderId, change.uid, change.flags, change.modseq);
    if (id !== undefined) changedIds.push(id);
  }
  return changedIds;
}

/** Deletes messages by UID (their bodies, attachments and search entries follow) and re-elects thread heads. */
export function expungeUids(db: Db, folderId: number, uids: readonly number[]): number[] {
  folderOwner(db, folderId);
  const deletedIds: number[] = [];
  const headlessThreads = new Set<number>();
  for (const uid of uids) {
    const deleted = get<{ id: number; threadId: number; threadHead: number }>(
      db,
      `DELETE FROM messages WHERE folder_id = ? AND uid = ?
       RETURNING id, thread_id AS threadId, thread_head AS threadHead`,
      [folderId, uid],
    );
    if (!deleted) continue;
    deletedIds.push(deleted.id);
    if (deleted.threadHead === 1) headlessThreads.add(deleted.threadId);
  }
  for (const threadId of headlessThreads) electThreadHead(db, folderId, threadId);
  return deletedIds;
}
