/**
 * Moves WAL checkpoints off the writing thread (see checkpointWorker.ts). The writer tells the checkpointer after
 * each commit; at most one checkpoint runs at a time and commits made meanwhile are picked up by the next one, so
 * a burst of small transactions costs a few checkpoints, not one each. Until the worker is ready, and for good if
 * it fails, SQLite's own automatic checkpoint stays on: the log never grows without bound.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/startWorker';
import type { Db, StoreLog } from './db';

export interface CheckpointerData {
  path: string;
}

export interface CheckpointDone {
  /** Frames in the log when the checkpoint ran, and how many of them are now in the database file. */
  logFrames: number;
  checkpointedFrames: number;
}

export interface Checkpointer {
  /** Called after each committed write transaction. */
  committed(): void;
  close(): void;
}

/** SQLite's default automatic checkpoint, in pages; what the writer goes back to without the worker. */
const AUTOCHECKPOINT_PAGES = 1000;

/** The log is cut back to this size when it restarts, so one big sync does not leave a large file behind. */
const JOURNAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;

export function startCheckpointer(
  db: Db,
  log: StoreLog,
  options: { onCheckpoint?: (done: CheckpointDone) => void; start?: (data: CheckpointerData) => Worker } = {},
): Checkpointer {
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
  const start = options.start ?? startCheckpointWorker;
  let worker: Worker | null = start({ path: db.name });
  let ready = false;
  let running = false;
  let again = false;

  const run = (): void => {
    running = true;
    again = false;
    worker?.postMessage('checkpoint');
  };
  const giveUp = (reason: string): void => {
    if (worker === null) return;
    worker = null;
    log.warn('The background checkpointer stopped; the writer checkpoints again itself', { reason });
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };

  worker.on('message', (message: 'ready' | CheckpointDone) => {
    if (message === 'ready') {
      if (worker === null) return;
      ready = true;
      if (db.open) db.pragma('wal_autocheckpoint = 0');
      run();
      return;
    }
    running = false;
    options.onCheckpoint?.(message);
    if (again) run();
  });
  worker.on('error', (err) => giveUp(err.message));
  worker.on('exit', (code) => giveUp(`exited with code ${code}`));
  // Checkpoints are housekeeping: they must never keep the process alive.
  worker.unref();

  return {
    committed() {
      if (worker === null || !ready) return;
      if (running) again = true;
      else run();
    },
    close() {
      const closing = worker;
      worker = null;
      closing?.postMessage('close');
      // The writer may outlive the checkpointer: then it checkpoints again itself.
      if (ready && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    },
  };
}

/** The worker holds one connection and runs one pragma: a small heap is all it needs, and RSS is budgeted. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 };

function startCheckpointWorker(data: CheckpointerData): Worker {
  return startWorker(
    { built: new URL('./checkpointWorker.js', import.meta.url), source: new URL('./checkpointWorker.ts', import.meta.url) },
    { workerData: data, resourceLimits: WORKER_LIMITS },
  );
}
