/** The outbox table (src/main/store/migrations/0110-outbox.ts). Every function runs in the caller's transaction. */
import { PostinoError } from '../../shared/errors';
import type { Draft, OutboxEntry, OutboxState } from '../../shared/api/compose';
import type { Address } from '../../shared/types';
import { all, get, run, type Db } from './db';

/** `in-data` is the outbox's own word for "bytes going out": the API shows it as `sending`. */
export type StoredOutboxState = OutboxState | 'in-data';

export interface NewOutboxMessage {
  accountId: string;
  draft: Draft;
  messageIdHeader: string;
  subject: string;
  to: Address[];
  envelopeFrom: string;
  envelopeTo: string[];
  mime: Buffer;
  sentCopyMime: Buffer;
  sendAt: number;
}

export interface OutboxRecord extends Omit<OutboxEntry, 'state'> {
  state: StoredOutboxState;
  attempts: number;
  nextAttemptAt: number;
  envelopeFrom: string;
  envelopeTo: string[];
}

interface OutboxRow {
  id: number;
  accountId: string;
  draftId: string;
  subject: string;
  toJson: string;
  messageIdHeader: string;
  state: StoredOutboxState;
  sendAt: number;
  sentAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  nextAttemptAt: number;
  envelopeFrom: string;
  envelopeToJson: string;
}

const OUTBOX_COLUMNS = `id, account_id AS accountId, draft_id AS draftId, subject, to_json AS toJson,
  message_id_header AS messageIdHeader, state, send_at AS sendAt, sent_at AS sentAt, error_code AS errorCode,
  error_message AS errorMessage, attempts, next_attempt_at AS nextAttemptAt, envelope_from AS envelopeFrom,
  envelope_to_json AS envelopeToJson`;

function toRecord(row: OutboxRow): OutboxRecord {
  const { toJson, envelopeToJson, errorCode, errorMessage, ...rest } = row;
  return {
    ...rest,
    to: JSON.parse(toJson) as Address[],
    envelopeTo: JSON.parse(envelopeToJson) as string[],
    error: errorCode === null ? null : { code: errorCode, message: errorMessage ?? '' },
  };
}

export function toOutboxEntry(record: OutboxRecord): OutboxEntry {
  const { attempts: _a, nextAttemptAt: _n, envelopeFrom: _f, envelopeTo: _t, state, ...entry } = record;
  return { ...entry, state: state === 'in-data' ? 'sending' : state };
}

export function insertOutbox(db: Db, message: NewOutboxMessage, now: number): number {
  const inserted = run(
    db,
    `INSERT INTO outbox (account_id, draft_id, draft_json, message_id_header, subject, to_json, envelope_from,
       envelope_to_json, mime, sent_copy_mime, state, send_at, next_attempt_at, created_at)
     VALUES (@accountId, @draftId, @draftJson, @messageIdHeader, @subject, @toJson, @envelopeFrom, @envelopeToJson,
       @mime, @sentCopyMime, 'queued', @sendAt, @sendAt, @now)`,
    {
      accountId: message.accountId,
      draftId: message.draft.draftId,
      draftJson: JSON.stringify(message.draft),
      messageIdHeader: message.messageIdHeader,
      subject: message.subject,
      toJson: JSON.stringify(message.to),
      envelopeFrom: message.envelopeFrom,
      envelopeToJson: JSON.stringify(message.envelopeTo),
      mime: message.mime,
      sentCopyMime: message.sentCopyMime,
      sendAt: message.sendAt,
      now,
    },
  );
  return Number(inserted.lastInsertRowid);
}

export function getOutbox(db: Db, id: number): OutboxRecord {
  const row = get<OutboxRow>(db, `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = ?`, [id]);
  if (!row) throw new PostinoError('not-found', `Outbox message ${id} does not exist`, { outboxId: id });
  return toRecord(row);
}

export function listOutbox(db: Db, accountId?: string): OutboxRecord[] {
  return all<OutboxRow>(
    db,
    `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE (@accountId IS NULL OR account_id = @accountId) AND state <> 'cancelled'
     ORDER BY id DESC`,
    { accountId: accountId ?? null },
  ).map(toRecord);
}

/** The bytes sent over SMTP (`sent`), or the copy for the Sent folder (`sent-copy`, with Bcc). */
export function outboxMime(db: Db, id: number, which: 'sent' | 'sent-copy' = 'sent'): Buffer | null {
  const row = get<{ mime: Buffer; sentCopy: Buffer }>(db, 'SELECT mime, sent_copy_mime AS sentCopy FROM outbox WHERE id = ?', [id]);
  if (!row) return null;
  return which === 'sent' ? row.mime : row.sentCopy;
}

export function outboxDraft(db: Db, id: number): Draft {
  const row = get<{ draftJson: string }>(db, 'SELECT draft_json AS draftJson FROM outbox WHERE id = ?', [id]);
  if (!row) throw new PostinoError('not-found', `Outbox message ${id} does not exist`, { outboxId: id });
  return JSON.parse(row.draftJson) as Draft;
}

/** The oldest queued message of the account (due or not): messages leave in the order they were sent. */
export function firstQueued(db: Db, accountId: string): OutboxRecord | null {
  const row = get<OutboxRow>(
    db,
    `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE account_id = ? AND state = 'queued' ORDER BY next_attempt_at, id LIMIT 1`,
    [accountId],
  );
  return row ? toRecord(row) : null;
}

export function accountsWithQueuedMail(db: Db): string[] {
  return all<{ accountId: string }>(db, "SELECT DISTINCT account_id AS accountId FROM outbox WHERE state = 'queued'").map(
    (row) => row.accountId,
  );
}

/** Moves a message from one state to the next; false when it was not in `from` any more (cancelled meanwhile). */
export function transitionOutbox(
  db: Db,
  id: number,
  from: StoredOutboxState | readonly StoredOutboxState[],
  to: StoredOutboxState,
  fields: { error?: { code: string; message: string } | null; nextAttemptAt?: number; sentAt?: number; smtpResponse?: string } = {},
): boolean {
  const fromStates = JSON.stringify(typeof from === 'string' ? [from] : from);
  const updated = run(
    db,
    `UPDATE outbox SET state = @to,
       error_code = CASE WHEN @hasError THEN @errorCode ELSE error_code END,
       error_message = CASE WHEN @hasError THEN @errorMessage ELSE error_message END,
       attempts = attempts + (@to = 'queued' AND state <> 'queued' AND @hasError AND @errorCode IS NOT NULL),
       next_attempt_at = coalesce(@nextAttemptAt, next_attempt_at),
       sent_at = coalesce(@sentAt, sent_at),
       smtp_response = coalesce(@smtpResponse, smtp_response)
     WHERE id = @id AND state IN (SELECT value FROM json_each(@fromStates))`,
    {
      id,
      to,
      fromStates,
      hasError: fields.error === undefined ? 0 : 1,
      errorCode: fields.error?.code ?? null,
      errorMessage: fields.error?.message ?? null,
      nextAttemptAt: fields.nextAttemptAt ?? null,
      sentAt: fields.sentAt ?? null,
      smtpResponse: fields.smtpResponse ?? null,
    },
  );
  return updated.changes === 1;
}

/**
 * After a crash or quit mid-send: a message whose bytes had not started is queued again; one whose bytes were
 * going out may have reached the server and waits for the user. Returns how many of each.
 */
export function recoverInterruptedSends(db: Db): { requeued: number; unconfirmed: number } {
  const requeued = run(db, "UPDATE outbox SET state = 'queued' WHERE state = 'sending'").changes;
  const unconfirmed = run(
    db,
    `UPDATE outbox SET state = 'sent-unconfirmed', error_code = 'server-dropped',
       error_message = 'Postino stopped while the message was being transmitted: the server may have it'
     WHERE state = 'in-data'`,
  ).changes;
  return { requeued, unconfirmed };
}

/** What a reply needs of the cached original: its account, Message-ID and References. */
export function threadContextOf(db: Db, messageId: number): { accountId: string; messageIdHeader: string | null; references: string[] } | null {
  const row = get<{ accountId: string; messageIdHeader: string | null; referencesJson: string }>(
    db,
    'SELECT account_id AS accountId, message_id_header AS messageIdHeader, references_json AS referencesJson FROM messages WHERE id = ?',
    [messageId],
  );
  return row ? { accountId: row.accountId, messageIdHeader: row.messageIdHeader, references: JSON.parse(row.referencesJson) as string[] } : null;
}

/** Where a cached message lives on its server, for fetching its whole source (a forward as attachment). */
export function sourceLocationOf(
  db: Db,
  messageId: number,
): { accountId: string; path: string; uidValidity: number | null; uid: number; subject: string } | null {
  return (
    get<{ accountId: string; path: string; uidValidity: number | null; uid: number; subject: string }>(
      db,
      `SELECT m.account_id AS accountId, f.path, f.uidvalidity AS uidValidity, m.uid, m.subject
       FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
      [messageId],
    ) ?? null
  );
}
