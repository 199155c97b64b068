/**
 * The full-text index over subject, addresses and body text. Contentless (FTS5 `content=''`): the text already
 * lives in `messages` and `bodies`, so the index holds only tokens. Its rowid orders messages newest first
 * (SEARCH_ROWID), which lets a search page walk FTS5 backwards instead of sorting every match.
 *
 * A message has up to two entries, each written once and never replaced: a header entry (subject and addresses)
 * when its headers arrive, and a full entry (the same plus the body text) when its body is cached. Replacing the
 * header entry instead cost a delete in the index for every body, a fifth of a 100,000-message first sync.
 * A search counts a header entry only while the message has no body (SEARCH_ENTRY_COUNTS), so each message is
 * listed once. The layout is migration 0320's.
 */
import type { Address } from '../../shared/types';
import { run, type Db } from './db';
import { SEARCH_ROWID } from './migrations/0010-initial';

export interface SearchableText {
  subject: string;
  addresses: ReadonlyArray<Address | null>;
  body: string;
}

export function addressesText(addresses: ReadonlyArray<Address | null>): string {
  return addresses
    .filter((address): address is Address => address !== null)
    .map((address) => `${address.name} ${address.address}`.trim())
    .join(' ');
}

/** The columns of a message its search entries are made of, as `searchableText` reads them. */
export interface SearchColumns {
  date: number;
  subject: string;
  fromJson: string | null;
  toJson: string;
  ccJson: string;
  bccJson: string;
  replyToJson: string;
}

/** The select list of SearchColumns from `messages`, each column prefixed with `table` (`'m.'`) when given. */
export const SEARCH_COLUMNS_SQL = (table = ''): string =>
  ['date', 'subject', 'from_json AS fromJson', 'to_json AS toJson', 'cc_json AS ccJson', 'bcc_json AS bccJson', 'reply_to_json AS replyToJson']
    .map((column) => `${table}${column}`)
    .join(', ');

export function searchableText(message: SearchColumns, body: string): SearchableText {
  const from = message.fromJson ? (JSON.parse(message.fromJson) as Address) : null;
  const addresses = [message.toJson, message.ccJson, message.bccJson, message.replyToJson].flatMap(
    (json) => JSON.parse(json) as Address[],
  );
  return { subject: message.subject, addresses: [from, ...addresses], body };
}

export interface SearchEntry {
  messageId: number;
  /** The message's stored date: with the id it makes the search rowid. */
  date: number;
  text: SearchableText;
}

export interface FullSearchEntry extends SearchEntry {
  /** The message already has a full entry (its body was cached before): it is replaced, not added. */
  replace: boolean;
}

/** Set in the rowid of a header entry (migration 0320); the message id is the 30 bits below it. */
export const SEARCH_HEADER_BIT = 1073741824;
const SEARCH_MESSAGE_ID_MASK = SEARCH_HEADER_BIT - 1;

/** The message id inside a search rowid, and the condition that lists each matching message once. */
export const SEARCH_ROWID_MESSAGE_ID = (rowid: string): string => `(${rowid} & ${SEARCH_MESSAGE_ID_MASK})`;
export const SEARCH_ENTRY_COUNTS = (rowid: string, message: string): string =>
  `((${rowid} & ${SEARCH_HEADER_BIT}) = 0 OR ${message}.body_cached = 0)`;

/** Header entries of new messages (subject and addresses; the body is not known yet). */
export function indexHeaders(db: Db, entries: readonly SearchEntry[]): void {
  for (const entry of inRowidOrder(entries)) {
    run(
      db,
      `INSERT INTO messages_search (rowid, subject, addresses, body)
       VALUES (${SEARCH_ROWID('?', '?')} + ${SEARCH_HEADER_BIT}, ?, ?, '')`,
      [entry.date, entry.messageId, entry.text.subject, addressesText(entry.text.addresses)],
    );
  }
}

/** Full entries of messages whose body was just cached. */
export function indexFullText(db: Db, entries: readonly FullSearchEntry[]): void {
  for (const entry of inRowidOrder(entries)) {
    run(
      db,
      `INSERT ${entry.replace ? 'OR REPLACE ' : ''}INTO messages_search (rowid, subject, addresses, body)
       VALUES (${SEARCH_ROWID('?', '?')}, ?, ?, ?)`,
      [entry.date, entry.messageId, entry.text.subject, addressesText(entry.text.addresses), entry.text.body],
    );
  }
}

/** Whole seconds of the date as SEARCH_ROWID clamps them: the rowid's high part. */
const rowidSeconds = (date: number): number => Math.floor(Math.min(Math.max(date, 0), 4294967295999) / 1000);

/**
 * A batch in ascending search-rowid order. FTS5 flushes its pending in-memory terms to a new on-disk segment
 * whenever a rowid is not above the previous one (sqlite3Fts5IndexBeginWrite), so a newest-first batch inserted as
 * it comes writes one segment per message; sorted, the batch is one segment and the insert costs a fraction.
 */
function inRowidOrder<T extends SearchEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => rowidSeconds(a.date) - rowidSeconds(b.date) || a.messageId - b.messageId);
}

/**
 * Turns what the user typed into an FTS5 query: every word must appear, each as a prefix (search as you type),
 * and nothing the user types can be read as FTS5 syntax (quotes are doubled inside a string).
 */
export function toMatchQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}
