/**
 * Reading the message list. Every page is one indexed query ordered `date DESC, id DESC`, served by walking an
 * index on date backwards (see the migration's notes): a window deep in a 100k-message folder costs its offset
 * in index steps, never a sort. A text search walks the FTS5 index newest first instead.
 */
import { PostinoError } from '../../shared/errors';
import type { MessageIdsQuery } from '../../shared/api/messages';
import type { MessagePage, MessageQuery, MessageSummary } from '../../shared/types';
import { all, column, get, type Db } from './db';
import { summaryColumns, toSummary, type SummaryRow } from './messageRows';
import { SEARCH_ENTRY_COUNTS, SEARCH_ROWID_MESSAGE_ID, toMatchQuery } from './search';

/** The largest window the list may ask for at once. */
export const MAX_PAGE_SIZE = 1000;

/**
 * A search lists at most this many matches, newest first. Counting every match of a one-letter prefix in a
 * 100k-message mailbox takes ~150 ms on each keystroke; nobody scrolls past the first thousands of results,
 * they type another word.
 */
export const SEARCH_TOTAL_CAP = 5000;

interface PlannedQuery {
  from: string;
  where: string[];
  order: string;
  params: Record<string, unknown>;
  threaded: boolean;
  /** A full-text search: the rows come from the FTS5 index, and at most SEARCH_TOTAL_CAP of them. */
  search: boolean;
  /** A threaded list filtered by state alone: FROM … WHERE of the messages whose conversations it lists. */
  threadMembers: string | null;
}

function checkQuery(query: MessageQuery): void {
  if (!Number.isInteger(query.offset) || query.offset < 0) {
    throw new PostinoError('invalid-input', 'offset must be a non-negative integer', { field: 'offset' });
  }
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    throw new PostinoError('invalid-input', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, { field: 'limit' });
  }
  if (query.folderId === undefined && !query.unifiedInbox) {
    throw new PostinoError('invalid-input', 'Give a folderId or ask for the unified inbox', { field: 'folderId' });
  }
}

/** The state filters of a list (unread, flagged, with attachments) as terms on the messages table under `alias`. */
function stateTerms(filter: NonNullable<MessageQuery['filter']>, alias: string): string[] {
  const terms: string[] = [];
  if (filter.unread) terms.push(`${alias}.seen = 0`);
  if (filter.flagged) terms.push(`${alias}.flagged = 1`);
  if (filter.hasAttachments) terms.push(`${alias}.has_attachments = 1`);
  return terms;
}

/** The date bounds of a list, on the listed rows themselves (`m`). */
function dateTerms(filter: NonNullable<MessageQuery['filter']>): string[] {
  const terms: string[] = [];
  if (filter.since !== undefined) terms.push('m.date >= @since');
  if (filter.until !== undefined) terms.push('m.date <= @until');
  return terms;
}

function plan(query: MessageQuery): PlannedQuery {
  const filter = query.filter ?? {};
  const params: Record<string, unknown> = {};
  // The literal `m.is_inbox = 1` / `m.thread_head = 1` / `m.seen = 0` terms are what let SQLite use the partial
  // indexes: it matches them textually against each index's WHERE clause.
  const scope = query.folderId !== undefined ? 'folder_id = @folderId' : 'is_inbox = 1';
  const where = [`m.${scope}`];
  if (query.folderId !== undefined) params.folderId = query.folderId;
  if (filter.since !== undefined) params.since = filter.since;
  if (filter.until !== undefined) params.until = filter.until;
  const match = filter.text !== undefined ? toMatchQuery(filter.text) : null;
  if (match !== null) {
    // Search results list matching messages, not threads: the match may be in any message of a conversation.
    where.unshift('messages_search MATCH @match', SEARCH_ENTRY_COUNTS('s.rowid', 'm'));
    where.push(...stateTerms(filter, 'm'), ...dateTerms(filter));
    params.match = match;
    return {
      from: `messages_search s CROSS JOIN messages m ON m.id = ${SEARCH_ROWID_MESSAGE_ID('s.rowid')}`,
      where,
      order: 's.rowid DESC',
      params,
      threaded: Boolean(query.threaded),
      search: true,
      threadMembers: null,
    };
  }
  let threadMembers: string | null = null;
  if (query.threaded) {
    where.push('m.thread_head = 1');
    // A conversation passes a state filter when any of its messages here does (an older unread reply counts), and
    // is listed at the place of its newest message; the members are found through the filter's own partial index.
    // Date bounds stay on the newest message: "select all" bounds itself by the newest row the user saw, and a
    // conversation that got a reply since must not be taken with it.
    const terms = stateTerms(filter, 't');
    const dates = dateTerms(filter);
    if (terms.length > 0) {
      const members = `FROM messages t WHERE t.${scope} AND ${terms.join(' AND ')}`;
      where.push(`m.thread_id IN (SELECT t.thread_id ${members})`);
      if (dates.length === 0) threadMembers = members;
    }
    where.push(...dates);
  } else {
    where.push(...stateTerms(filter, 'm'), ...dateTerms(filter));
  }
  return {
    from: 'messages m',
    where,
    order: 'm.date DESC, m.id DESC',
    params,
    threaded: Boolean(query.threaded),
    search: false,
    threadMembers,
  };
}

/** The rows of a page, as SQL: exported so tests can check its plan. */
export function pageSql(query: MessageQuery): { sql: string; params: Record<string, unknown> } {
  const planned = plan(query);
  const limit = planned.search ? Math.max(0, Math.min(query.limit, SEARCH_TOTAL_CAP - query.offset)) : query.limit;
  return {
    sql: `SELECT ${summaryColumns(planned.threaded)} FROM ${planned.from}
          WHERE ${planned.where.join(' AND ')} ORDER BY ${planned.order} LIMIT @limit OFFSET @offset`,
    params: { ...planned.params, limit, offset: query.offset },
  };
}

/** How many rows the whole list has (the virtual list's height), as SQL: exported so tests can check its plan. */
export function totalSql(query: MessageQuery): { sql: string; params: Record<string, unknown> } {
  const planned = plan(query);
  const onlyScope = !planned.search && planned.where.length === 1;
  const onlyUnread = !planned.search && planned.where.length === 2 && planned.where[1] === 'm.seen = 0';
  if (onlyScope || onlyUnread) {
    // The counters the triggers keep: no need to count rows for the two most common lists.
    const counter = onlyScope ? 'total_count' : 'unread_count';
    const scope = query.folderId !== undefined ? 'id = @folderId' : "role = 'inbox'";
    return { sql: `SELECT coalesce(sum(${counter}), 0) AS n FROM folders WHERE ${scope}`, params: planned.params };
  }
  if (planned.threadMembers !== null) {
    // One conversation per thread id (a thread has one newest message per folder, and one Inbox per account).
    return { sql: `SELECT count(DISTINCT t.thread_id) AS n ${planned.threadMembers}`, params: planned.params };
  }
  const matching = `FROM ${planned.from} WHERE ${planned.where.join(' AND ')}`;
  return {
    sql: planned.search
      ? `SELECT count(*) AS n FROM (SELECT 1 ${matching} LIMIT ${SEARCH_TOTAL_CAP})`
      : `SELECT count(*) AS n ${matching}`,
    params: planned.params,
  };
}

/** One window of a folder's (or the unified inbox's) messages, newest first, with the list's total. */
export function listMessages(db: Db, query: MessageQuery): MessagePage {
  checkQuery(query);
  const page = pageSql(query);
  const total = totalSql(query);
  return {
    total: get<{ n: number }>(db, total.sql, total.params)?.n ?? 0,
    offset: query.offset,
    rows: all<SummaryRow>(db, page.sql, page.params).map(toSummary),
  };
}

/** The list rows of the given messages, newest first; ids no longer cached are skipped. */
export function listSummaries(db: Db, messageIds: readonly number[], threaded: boolean): MessageSummary[] {
  if (messageIds.length === 0) return [];
  return all<SummaryRow>(
    db,
    `SELECT ${summaryColumns(threaded)} FROM messages m
     WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.date DESC, m.id DESC`,
    [JSON.stringify(messageIds)],
  ).map(toSummary);
}

/** The most ids `only` / `except` may name: the same bound the actions API puts on one action. */
export const MAX_LISTED_IDS = 100_000;

function checkIdList(ids: unknown, field: 'only' | 'except'): number[] | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length > MAX_LISTED_IDS || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new PostinoError('invalid-input', `${field} is a list of at most ${MAX_LISTED_IDS} message ids`, { field });
  }
  return ids as number[];
}

/**
 * Every message id a list holds (an action's input: the order means nothing), as SQL: the list's own plan (same indexes, no LIMIT), narrowed by
 * `only` / `except`. A threaded list (not a search, which lists messages) expands each listed conversation to
 * its messages in the folder through messages_by_thread_folder. Exported so tests can check its plan.
 */
export function idsSql(query: MessageIdsQuery): { sql: string; params: Record<string, unknown> } {
  const only = checkIdList(query.only, 'only');
  const except = checkIdList(query.except, 'except');
  const planned = plan({ ...query, offset: 0, limit: 1 });
  const where = [...planned.where];
  const params: Record<string, unknown> = { ...planned.params };
  if (only !== undefined) {
    where.push('m.id IN (SELECT value FROM json_each(@only))');
    params.only = JSON.stringify(only);
  }
  if (except !== undefined && except.length > 0) {
    where.push('m.id NOT IN (SELECT value FROM json_each(@except))');
    params.except = JSON.stringify(except);
  }
  const matching = `FROM ${planned.from} WHERE ${where.join(' AND ')}`;
  if (planned.search) {
    // What a search lists, and no more: its newest SEARCH_TOTAL_CAP matches.
    return { sql: `SELECT m.id ${matching} ORDER BY ${planned.order} LIMIT ${SEARCH_TOTAL_CAP}`, params };
  }
  if (!planned.threaded) return { sql: `SELECT m.id ${matching} ORDER BY ${planned.order}`, params };
  return {
    sql: `WITH listed AS (SELECT m.thread_id, m.folder_id ${matching})
          SELECT t.id FROM listed CROSS JOIN messages t ON t.thread_id = listed.thread_id AND t.folder_id = listed.folder_id`,
    params,
  };
}

/** See idsSql. */
export function listMessageIds(db: Db, query: MessageIdsQuery): number[] {
  if (query.folderId === undefined && !query.unifiedInbox) {
    throw new PostinoError('invalid-input', 'Give a folderId or ask for the unified inbox', { field: 'folderId' });
  }
  const { sql, params } = idsSql(query);
  return column<number>(db, sql, params);
}
