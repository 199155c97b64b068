/**
 * The address book (migrations/0130-address-book.ts): addresses seen in cached mail, ranked for the composer's
 * suggestions by how often and how recently the user wrote to them, then by how often they were seen at all.
 */
import type { Address } from '../../shared/types';
import { all, get, run, type Db } from './db';

/** A month: writing to someone a month ago counts half as much as writing to them today. */
const HALF_WEIGHT_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** One message the user wrote to an address says more about it than this many messages merely seen. */
const WRITTEN_WEIGHT = 10;
/** Sorts after every character a name or address holds: the top of a prefix range. */
const RANGE_END = '\u{10FFFF}';

/**
 * Adds the addresses of messages cached since the last call. Runs in the caller's write transaction. Messages the
 * user wrote (From is one of the accounts) count for their recipients; drafts and junk count for nobody. Message
 * ids only grow (AUTOINCREMENT), so "past the last id indexed" is exactly the new rows.
 */
export function catchUpAddressBook(db: Db): void {
  const through = get<{ id: number }>(db, 'SELECT indexed_through_id AS id FROM address_book_progress WHERE id = 1')?.id ?? 0;
  const latest = get<{ id: number | null }>(db, 'SELECT max(id) AS id FROM messages')?.id ?? 0;
  if (latest <= through) return;
  run(
    db,
    `WITH own AS (SELECT lower(address) AS address FROM accounts),
    fresh AS (
      SELECT m.date, m.from_json, m.to_json, m.cc_json, m.bcc_json,
        lower(json_extract(m.from_json, '$.address')) IN (SELECT address FROM own) AS written
      FROM messages m JOIN folders f ON f.id = m.folder_id
      WHERE m.id > ? AND m.id <= ? AND coalesce(f.role, '') NOT IN ('drafts', 'junk')
    ),
    people AS (
      SELECT date, written, r.value AS person FROM fresh, json_each(fresh.to_json) r
      UNION ALL SELECT date, written, r.value FROM fresh, json_each(fresh.cc_json) r
      UNION ALL SELECT date, written, r.value FROM fresh, json_each(fresh.bcc_json) r
      UNION ALL SELECT date, 0, from_json FROM fresh WHERE from_json IS NOT NULL
    ),
    counted AS (
      SELECT lower(trim(json_extract(person, '$.address'))) AS address,
        coalesce(max(nullif(trim(json_extract(person, '$.name')), '')), '') AS name,
        sum(written) AS written_count,
        max(CASE WHEN written THEN date ELSE 0 END) AS last_written_at,
        count(*) AS seen_count,
        max(date) AS last_seen_at
      FROM people GROUP BY 1
    )
    INSERT INTO address_book (address, name, written_count, last_written_at, seen_count, last_seen_at)
    SELECT address, name, written_count, last_written_at, seen_count, last_seen_at FROM counted
    WHERE address LIKE '_%@_%' AND address NOT IN (SELECT address FROM own)
    ON CONFLICT (address) DO UPDATE SET
      name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE address_book.name END,
      written_count = address_book.written_count + excluded.written_count,
      last_written_at = max(address_book.last_written_at, excluded.last_written_at),
      seen_count = address_book.seen_count + excluded.seen_count,
      last_seen_at = max(address_book.last_seen_at, excluded.last_seen_at)`,
    [through, latest],
  );
  run(db, 'UPDATE address_book_progress SET indexed_through_id = ? WHERE id = 1', [latest]);
}

/**
 * Addresses or names starting with `prefix` (case-insensitively), best first. Each side is one index range; only
 * the matches are scored, so the cost follows the number of matches, not the size of the book.
 */
export function suggestAddresses(db: Db, prefix: string, limit: number, now: number): Address[] {
  return all<Address>(
    db,
    `SELECT address, name FROM (
      SELECT * FROM address_book WHERE address >= @prefix AND address < @end
      UNION
      SELECT * FROM address_book WHERE name >= @prefix COLLATE NOCASE AND name < @end COLLATE NOCASE
    )
    ORDER BY ${WRITTEN_WEIGHT} * written_count / (1.0 + (@now - last_written_at) / ${HALF_WEIGHT_AGE_MS}.0)
      + seen_count / (1.0 + (@now - last_seen_at) / ${HALF_WEIGHT_AGE_MS}.0) DESC, address
    LIMIT @limit`,
    { prefix, end: prefix + RANGE_END, now, limit },
  );
}
