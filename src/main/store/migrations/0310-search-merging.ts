/**
 * The search index merges its segments 16 at a time instead of FTS5's default 4. Every committed batch of a sync
 * writes one new segment; with 4, each term list was merged and rewritten about twice as often, which was an
 * eighth of a first sync's time at 100,000 messages. The price is that a query may read a few more segments. The
 * setting is stored in the index.
 * https://sqlite.org/fts5.html#the_automerge_configuration_option
 */
import type { Migration } from './index';

const SEARCH_AUTOMERGE = 16;

export const migration0310: Migration = {
  version: 310,
  name: 'search merging',
  up: (db) => {
    // FTS5 reads a configuration value only as a literal, not as a bound parameter.
    db.exec(`INSERT INTO messages_search (messages_search, rank) VALUES ('automerge', ${SEARCH_AUTOMERGE})`);
  },
};
