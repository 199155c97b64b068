/**
 * The full-text index over subject, addresses and body text. Contentless (FTS5 `content=''`): the text already
 * lives in `messages` and `bodies`, so the index holds only tokens. Its rowid orders messages newest first
 * (SEARCH_ROWID), which lets a search page walk FTS5 backwards instead of sorting every match.
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

/**
 * Indexes one message. `date` is the message's stored date: with the id it makes the search rowid. A message
 * indexed again (once its body is cached) replaces its entry; a new one skips that lookup, which is most of
 * the cost of indexing during a full sync.
 */
export function indexMessage(db: Db, messageId: number, date: number, text: SearchableText, replace: boolean): void {
  run(
    db,
    `INSERT ${replace ? 'OR REPLACE ' : ''}INTO messages_search (rowid, subject, addresses, body)
     VALUES (${SEARCH_ROWID('?', '?')}, ?, ?, ?)`,
    [date, messageId, text.subject, addressesText(text.addresses), text.body],
  );
}

export interface NewSearchEntry {
  messageId: number;
  date: number;
  text: SearchableText;
}

/** Whole seconds of the date as SEARCH_ROWID clamps them: the rowid's high part. */
const rowidSeconds = (date: number): number => Math.floor(Math.min(Math.max(date, 0), 4294967295999) / 1000);

/**
 * Indexes a batch of messages in ascending search-rowid order. FTS5 flushes its pending in-memory terms to a new
 * on-disk segment whenever a rowid is not above the previous one (sqlite3Fts5IndexBeginWrite), so a newest-first
 * batch inserted as it comes writes one segment per message; sorted, the batch is one segment and the insert costs
 * a fraction. `replace` as in `indexMessage`: headers are new to the index, bodies re-index their message.
 */
export function indexInRowidOrder(db: Db, entries: readonly NewSearchEntry[], replace: boolean): void {
  const ascending = [...entries].sort(
    (a, b) => rowidSeconds(a.date) - rowidSeconds(b.date) || a.messageId - b.messageId,
  );
  for (const entry of ascending) indexMessage(db, entry.messageId, entry.date, entry.text, replace);
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
