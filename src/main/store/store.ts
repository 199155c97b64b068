/**
 * The local cache: one SQLite connection (the only writer, in this process) plus the change stream the UI
 * listens to. Every write goes through `store.write`, which runs one IMMEDIATE transaction and, once it has
 * committed, emits at most one ChangeRecord: nothing is announced that a rollback could take back.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ChangeRecord } from '../../shared/types';
import { attachContext, type Db, type StoreLog } from './db';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { toStoreError } from './errors';
import { migrate } from './migrations';

export interface StoreOptions {
  /** Milliseconds since epoch; tests pass a fake clock. */
  now?: () => number;
  /** Called after each committed write transaction that changed something. */
  onChange?: (change: ChangeRecord) => void;
  log?: StoreLog;
  /** Checkpoint the write-ahead log from a worker thread instead of inside commits (the app; see checkpointer.ts). */
  checkpointInBackground?: boolean;
}

export interface Store {
  readonly db: Db;
  readonly now: () => number;
  /**
   * Runs `work` in one transaction. On commit, `describe` turns its result into the one ChangeRecord emitted
   * for it (null when nothing changed). A failure rolls everything back and is rethrown as a PostinoError when
   * it has a meaning for the user (`disk-full`). Called inside another write, it becomes part of that
   * transaction and its record is emitted only once the outermost one commits.
   */
  write<T>(work: () => T, describe: (result: T) => ChangeRecord | null): T;
  close(): void;
}

export function createStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  const log = options.log ?? console;
  let checkpointer: Checkpointer | null = null;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL with WAL: a power cut can lose the last transactions, never corrupt the file; the server has the mail.
    db.pragma('synchronous = NORMAL');
    db.pragma('temp_store = MEMORY');
    // 16 MB of pages: list pages and searches read a few hundred; 32 MB ran a 100,000-message first sync no faster
    // and put the core's peak RSS over its 300 MB budget in one run of three.
    db.pragma('cache_size = -16000');
    attachContext(db, log);
    migrate(db);
    if (options.checkpointInBackground && path !== ':memory:') checkpointer = startCheckpointer(db, log);
  } catch (err) {
    db.close();
    throw toStoreError(err);
  }

  const emit = options.onChange ?? (() => {});
  const now = options.now ?? Date.now;
  // A write called inside another one runs in a savepoint; its record waits for the outermost commit.
  let awaitingCommit: ChangeRecord[] = [];

  return {
    db,
    now,
    write(work, describe) {
      const outermost = !db.inTransaction;
      let result;
      try {
        result = db.transaction(work).immediate();
      } catch (err) {
        if (outermost) awaitingCommit = [];
        throw toStoreError(err);
      }
      const change = describe(result);
      if (change) awaitingCommit.push(change);
      if (outermost) {
        const committed = awaitingCommit;
        awaitingCommit = [];
        checkpointer?.committed();
        for (const record of committed) emit(record);
      }
      return result;
    },
    close() {
      db.close();
      // Closed after the writer, so the worker's is the last connection: it folds the log in and deletes it. Closed
      // together, each could see the other still open and leave the log behind.
      checkpointer?.close();
    },
  };
}
