/**
 * Conversation threads, after JWZ's algorithm (https://www.jwz.org/doc/threading.html): every Message-ID an
 * account has seen, a message's own or one it references (In-Reply-To, References), maps to a thread in
 * `thread_links`. A message joins the thread of any id it shares with the cache; when its ids lead to several
 * threads, they are merged (the reply that quotes both halves of a split conversation). Only when no id links
 * it does the normalised subject decide, and only for a reply or forward within a few days of the thread.
 */
import { column, get, run, type Db } from './db';

/** How far apart in time a subject-only match may be: beyond it, "Re: Offer" is most likely another offer. */
export const SUBJECT_THREAD_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

// Reply and forward prefixes of common clients: English, Italian (R:, I:, Rif:), German (AW:, WG:),
// Nordic (SV:, VS:), Dutch (Antw:, Doorst:), French (TR:), with optional counters ("Re[2]:", "Re(2):").
const PREFIX = /^\s*(?:re|r|fwd?|i|rif|aw|wg|sv|vs|antw|doorst|tr)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** The subject without reply/forward prefixes, lower-cased, whitespace collapsed: the key threads are matched by. */
export function normaliseSubject(subject: string): string {
  let rest = subject;
  for (let match = PREFIX.exec(rest); match; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return rest.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function hasReplyPrefix(subject: string): boolean {
  return PREFIX.test(subject);
}

export interface ThreadingInput {
  accountId: string;
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
  /** Epoch ms. */
  date: number;
}

export interface ThreadAssignment {
  threadId: number;
  /** True when this message joined threads that were separate until now: their heads must be recomputed. */
  merged: boolean;
  /** True when the message starts a thread: it is the head wherever it lands, nothing to compare. */
  isNew: boolean;
}

function linkedIds(input: ThreadingInput): string[] {
  const ids = [input.messageIdHeader, input.inReplyTo, ...input.references]
    .map((id) => id?.trim())
    .filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

function threadBySubject(db: Db, input: ThreadingInput, subjectKey: string): number | undefined {
  const row = get<{ id: number }>(
    db,
    `SELECT id FROM threads
     WHERE account_id = ? AND subject_key = ? AND last_date BETWEEN ? AND ? AND merged_into IS NULL
     ORDER BY last_date DESC LIMIT 1`,
    [input.accountId, subjectKey, input.date - SUBJECT_THREAD_WINDOW_MS, input.date + SUBJECT_THREAD_WINDOW_MS],
  );
  return row?.id;
}

/** The live threads the ids are linked to, oldest first (a link to an absorbed thread resolves to its absorber). */
function linkedThreads(db: Db, accountId: string, ids: readonly string[]): number[] {
  if (ids.length === 0) return [];
  // One statement for all of a message's ids: a full sync runs this for every header, and each statement costs
  // more in binding and stepping than the index lookups it makes.
  return column<number>(
    db,
    `SELECT DISTINCT coalesce(t.merged_into, t.id) AS threadId FROM thread_links l JOIN threads t ON t.id = l.thread_id
     WHERE l.account_id = ? AND l.message_id_header IN (SELECT value FROM json_each(?))
     ORDER BY threadId`,
    [accountId, JSON.stringify(ids)],
  );
}

/** Folds `others` into `keep`: their messages move, their links resolve to `keep` from now on. */
function mergeThreads(db: Db, keep: number, others: readonly number[]): void {
  for (const other of others) {
    run(db, 'UPDATE messages SET thread_id = ? WHERE thread_id = ?', [keep, other]);
    run(db, 'UPDATE threads SET merged_into = @keep WHERE id = @other OR merged_into = @other', { keep, other });
    run(
      db,
      'UPDATE threads SET last_date = max(last_date, (SELECT last_date FROM threads WHERE id = ?)) WHERE id = ?',
      [other, keep],
    );
  }
}

/** Finds (or starts) the thread of a message about to be cached, and records its ids for later messages. */
export function assignThread(db: Db, input: ThreadingInput): ThreadAssignment {
  const ids = linkedIds(input);
  const found = linkedThreads(db, input.accountId, ids);
  let threadId = found[0];
  const merged = found.length > 1;
  if (threadId !== undefined && merged) mergeThreads(db, threadId, found.slice(1));

  const subjectKey = normaliseSubject(input.subject);
  const looksLikeReply = hasReplyPrefix(input.subject) || input.inReplyTo !== null || input.references.length > 0;
  if (threadId === undefined && looksLikeReply && subjectKey !== '') {
    threadId = threadBySubject(db, input, subjectKey);
  }

  const isNew = threadId === undefined;
  if (threadId === undefined) {
    threadId = Number(
      run(db, 'INSERT INTO threads (account_id, subject_key, last_date) VALUES (?, ?, ?)', [
        input.accountId,
        subjectKey,
        input.date,
      ]).lastInsertRowid,
    );
  } else {
    run(db, 'UPDATE threads SET last_date = ? WHERE id = ? AND last_date < ?', [input.date, threadId, input.date]);
  }

  // Ids already linked keep their link: it resolves to this thread now (directly or through merged_into).
  run(
    db,
    `INSERT OR IGNORE INTO thread_links (account_id, message_id_header, thread_id)
     SELECT ?, value, ? FROM json_each(?)`,
    [input.accountId, threadId, JSON.stringify(ids)],
  );
  return { threadId, merged, isNew };
}
