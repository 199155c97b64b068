/**
 * Worker thread entry (an entry of electron.vite.config.ts): copies the write-ahead log back into the database
 * file. SQLite does that on the writing connection by default, in the middle of a commit, with two fsyncs; during a
 * first sync of a big mailbox that was a quarter of the main thread's time. Here it runs on a connection of its own,
 * in PASSIVE mode, which never blocks the writer (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointDone, CheckpointerData } from './checkpointer';

if (!parentPort) throw new Error('checkpointWorker.ts runs only as a worker thread');
const port = parentPort;
const { path } = workerData as CheckpointerData;

const db = new Database(path, { fileMustExist: true });
// The checkpoint syncs the log before copying it and the database file after, as the writer's own would.
db.pragma('synchronous = NORMAL');
// A checkpoint streams pages from the log to the file; it reads nothing twice, so a page cache would only cost RSS.
db.pragma('cache_size = 16');

port.on('message', (request: 'checkpoint' | 'close') => {
  if (request === 'close') {
    db.close();
    port.close();
    return;
  }
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  const done: CheckpointDone = { logFrames: result?.log ?? 0, checkpointedFrames: result?.checkpointed ?? 0 };
  port.postMessage(done);
});
port.postMessage('ready');
