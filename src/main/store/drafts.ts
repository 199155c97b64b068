/** The drafts table (src/main/store/migrations/0120-drafts.ts). Every function runs in the caller's transaction. */
import { PostinoError } from '../../shared/errors';
import type { Draft } from '../../shared/api/compose';
import { all, get, run, type Db } from './db';

export interface DraftRecord {
  draft: Draft;
  savedAt: number;
  /** The copy in the server's Drafts folder, if any. */
  server: { folderId: number; uid: number | null; revision: number } | null;
}

interface DraftRow {
  draftJson: string;
  savedAt: number;
  serverFolderId: number | null;
  serverUid: number | null;
  serverRevision: number | null;
}

const DRAFT_COLUMNS = `draft_json AS draftJson, saved_at AS savedAt, server_folder_id AS serverFolderId,
  server_uid AS serverUid, server_revision AS serverRevision`;

function toRecord(row: DraftRow): DraftRecord {
  return {
    draft: JSON.parse(row.draftJson) as Draft,
    savedAt: row.savedAt,
    server: row.serverFolderId === null ? null : { folderId: row.serverFolderId, uid: row.serverUid, revision: row.serverRevision ?? 0 },
  };
}

/** True when the draft holds nothing the user wrote. */
export function isEmptyDraft(draft: Draft): boolean {
  return (
    draft.to.length + draft.cc.length + draft.bcc.length + draft.attachments.length === 0 &&
    draft.subject.trim() === '' &&
    draft.html.replace(/<[^>]*>|&nbsp;|\s/g, '') === ''
  );
}

/**
 * Stores a draft unless the stored one is newer or as new, or the stored one has content and this one is empty
 * (a composer that lost its state must not wipe the user's text; discarding is its own call). Returns the
 * revision now stored.
 */
export function upsertDraft(db: Db, draft: Draft, now: number): number {
  const stored = get<{ revision: number; draftJson: string }>(db, 'SELECT revision, draft_json AS draftJson FROM drafts WHERE draft_id = ?', [
    draft.draftId,
  ]);
  if (stored && (stored.revision >= draft.revision || (isEmptyDraft(draft) && !isEmptyDraft(JSON.parse(stored.draftJson) as Draft)))) {
    return stored.revision;
  }
  run(
    db,
    `INSERT INTO drafts (draft_id, account_id, revision, draft_json, saved_at) VALUES (@draftId, @accountId, @revision, @json, @now)
     ON CONFLICT (draft_id) DO UPDATE SET revision = excluded.revision, draft_json = excluded.draft_json, saved_at = excluded.saved_at
     WHERE excluded.revision > drafts.revision`,
    { draftId: draft.draftId, accountId: draft.accountId, revision: draft.revision, json: JSON.stringify(draft), now },
  );
  return draft.revision;
}

export function findDraft(db: Db, draftId: string): DraftRecord | null {
  const row = get<DraftRow>(db, `SELECT ${DRAFT_COLUMNS} FROM drafts WHERE draft_id = ?`, [draftId]);
  return row ? toRecord(row) : null;
}

export function getDraft(db: Db, draftId: string): DraftRecord {
  const record = findDraft(db, draftId);
  if (!record) throw new PostinoError('not-found', `Draft ${draftId} does not exist`, { field: 'draftId' });
  return record;
}

/** The local draft whose copy on the server is this cached message (what the Drafts folder lists). */
export function draftOfMessage(db: Db, messageId: number): DraftRecord | null {
  const row = get<DraftRow>(
    db,
    `SELECT ${DRAFT_COLUMNS} FROM messages m JOIN drafts d ON d.server_folder_id = m.folder_id AND d.server_uid = m.uid WHERE m.id = ?`,
    [messageId],
  );
  return row ? toRecord(row) : null;
}

export function listDrafts(db: Db, accountId?: string): DraftRecord[] {
  return all<DraftRow>(
    db,
    `SELECT ${DRAFT_COLUMNS} FROM drafts WHERE @accountId IS NULL OR account_id = @accountId ORDER BY saved_at DESC`,
    { accountId: accountId ?? null },
  ).map(toRecord);
}

/** Drafts whose server copy is missing or older than the local one. */
export function draftsBehindServer(db: Db): string[] {
  return all<{ draftId: string }>(
    db,
    'SELECT draft_id AS draftId FROM drafts WHERE server_revision IS NULL OR server_revision < revision',
  ).map((row) => row.draftId);
}

export function deleteDraft(db: Db, draftId: string): DraftRecord | null {
  const record = findDraft(db, draftId);
  run(db, 'DELETE FROM drafts WHERE draft_id = ?', [draftId]);
  return record;
}

/** The server now holds `revision` of the draft at `uid` (null when the server did not say). */
export function recordDraftOnServer(db: Db, draftId: string, copy: { folderId: number; uid: number | null; revision: number }): void {
  run(db, 'UPDATE drafts SET server_folder_id = ?, server_uid = ?, server_revision = ? WHERE draft_id = ?', [
    copy.folderId,
    copy.uid,
    copy.revision,
    draftId,
  ]);
}

/**
 * An upload of the draft's current revision is queued: it counts as on its way, so the next flush does not queue
 * it again. The UID of the copy it replaces stays until the upload has stored the new one.
 */
export function claimDraftUpload(db: Db, draftId: string, folderId: number): void {
  run(db, 'UPDATE drafts SET server_folder_id = coalesce(server_folder_id, ?), server_revision = revision WHERE draft_id = ?', [folderId, draftId]);
}
