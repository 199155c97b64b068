/**
 * Numbered schema migrations. Each step runs in its own transaction and ends by setting `user_version` to its
 * number, so a crash between steps leaves a database that the next start continues from. Numbers leave gaps
 * (10, 20, …) so a step can be slotted in while branches are open.
 */
import { PostinoError } from '../../../shared/errors';
import type { Db } from '../db';
import { migration0010 } from './0010-initial';
import { migration0100 } from './0100-tasks';
import { migration0110 } from './0110-outbox';
import { migration0120 } from './0120-drafts';
import { migration0130 } from './0130-address-book';
import { migration0300 } from './0300-identities';
import { migration0310 } from './0310-search-merging';
import { migration0320 } from './0320-search-entries';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [migration0010, migration0100, migration0110, migration0120, migration0130, migration0300, migration0310, migration0320];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to date; refuses a database written by a newer Postino rather than guess at it. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new PostinoError(
      'internal',
      `The mail cache ${db.name} has schema version ${current}, newer than this Postino understands (${latest}). ` +
        'It was written by a newer version of Postino: update Postino, or remove the cache to rebuild it from the server.',
      { schemaVersion: current, supportedVersion: latest },
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is a number from our own registry.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
}
