import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorker } from '../workers/startWorker';
import { startCheckpointer, type CheckpointDone, type Checkpointer, type CheckpointerData } from './checkpointer';
import { run, type Db } from './db';
import { createStore, type Store, type StoreOptions } from './store';

// A pass-through spy: the checkpointer starts its real worker, and the test gets hold of it to watch it exit.
vi.mock('../workers/startWorker', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../workers/startWorker')>();
  return { startWorker: vi.fn(actual.startWorker) };
});

// Starting the real worker goes through tsx in tests, which takes a while on a loaded machine.
const WAIT = { timeout: 15_000, interval: 20 };
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let path: string;
let warnings: Array<{ message: string; details?: Record<string, unknown> }>;
const log = { warn: (message: string, details?: Record<string, unknown>) => void warnings.push({ message, details }) };
let cleanups: Array<() => void | Promise<void>>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'postino-checkpointer-'));
  path = join(dir, 'cache.sqlite');
  warnings = [];
  cleanups = [];
  vi.mocked(startWorker).mockClear();
});
afterEach(async () => {
  try {
    for (const cleanup of cleanups.reverse()) await cleanup();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function openStore(options: StoreOptions = {}): Store {
  const store = createStore(path, { log, ...options });
  cleanups.push(() => {
    if (store.db.open) store.close();
  });
  return store;
}

function track(checkpointer: Checkpointer): Checkpointer {
  cleanups.push(() => checkpointer.close());
  return checkpointer;
}

/**
 * Resolves with the exit code. Cleanup waits for the exit so the next test starts without this worker holding a
 * file, and ends a worker that a failed test left running rather than hang the hook.
 */
function exitOf(worker: Worker): Promise<number> {
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  cleanups.push(async () => {
    const stuck = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(stuck);
  });
  return exited;
}

/** The worker the checkpointer started through the default `start` (the real checkpointWorker.ts). */
function realWorker(): Worker {
  const started = vi.mocked(startWorker).mock.results;
  expect(started).toHaveLength(1);
  return started[0]!.value as Worker;
}

const autocheckpoint = (db: Db): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;

// 2 KB values: 50 transactions of 60 rows put about 1,500 pages in the log, past SQLite's own 1,000-page trigger.
const VALUE = 'x'.repeat(2000);
function writeSettings(store: Store, transactions: number, rowsEach: number, afterCommit: () => void = () => {}): void {
  for (let t = 0; t < transactions; t += 1) {
    store.write(
      () => {
        for (let r = 0; r < rowsEach; r += 1) {
          run(store.db, 'INSERT INTO settings (key, value) VALUES (?, ?)', [`${t}-${r}-${Math.random()}`, VALUE]);
        }
      },
      () => null,
    );
    afterCommit();
  }
}

/**
 * Rows found in a copy of the main database file alone, without its log: what checkpoints have copied so far.
 * A copy taken while a checkpoint is writing can be torn, so callers poll until the count is the one they expect.
 */
function rowsInDatabaseFile(): number {
  const copy = join(dir, `copy-${Math.random()}.sqlite`);
  copyFileSync(path, copy);
  const db = new Database(copy);
  try {
    return db.prepare('SELECT count(*) FROM settings').pluck().get() as number;
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
}

/** A worker that speaks the checkpoint worker's protocol from source code given as a string (CommonJS, eval). */
function evalWorker(source: string, workerData: unknown = {}): Worker {
  const worker = new Worker(source, { eval: true, workerData });
  void exitOf(worker);
  return worker;
}

describe('checkpointer', () => {
  it('with checkpointInBackground, the writer stops checkpointing itself and the worker copies the log into the file', async () => {
    const store = openStore({ checkpointInBackground: true });
    await vi.waitFor(() => expect(autocheckpoint(store.db)).toBe(0), WAIT);

    writeSettings(store, 50, 60);

    // With the writer's automatic checkpoint off, only the worker can have put these rows into the main file.
    await vi.waitFor(() => expect(rowsInDatabaseFile()).toBe(3000), WAIT);
    expect(autocheckpoint(store.db)).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('reports each checkpoint; after a burst of commits the last one covers the whole log', async () => {
    const store = openStore();
    const done: CheckpointDone[] = [];
    const checkpointer = track(startCheckpointer(store.db, log, { onCheckpoint: (d) => done.push(d) }));
    // The checkpoint run on 'ready' comes back first; commits made before that would be ignored.
    await vi.waitFor(() => expect(done.length).toBeGreaterThan(0), WAIT);
    done.length = 0;

    let commits = 0;
    writeSettings(store, 50, 60, () => {
      commits += 1;
      checkpointer.committed();
    });

    await vi.waitFor(() => expect(rowsInDatabaseFile()).toBe(3000), WAIT);
    const last = done.at(-1)!;
    expect(last.logFrames).toBeGreaterThan(0);
    expect(last.checkpointedFrames).toBe(last.logFrames);
    // The commits all landed in one turn of the event loop, so at most two checkpoints can have been asked for.
    expect(done.length).toBeLessThanOrEqual(2);
    expect(done.length).toBeLessThan(commits);
  });

  it('falls back to the writer checkpointing itself when the worker fails before it is ready', async () => {
    const store = openStore();
    const pragmas = vi.spyOn(store.db, 'pragma');
    let worker: Worker | undefined;
    track(
      startCheckpointer(store.db, log, {
        start: () => (worker = evalWorker('throw new Error("boom")')),
      }),
    );
    const exited = exitOf(worker!);

    await vi.waitFor(() => expect(warnings).toHaveLength(1), WAIT);
    expect(warnings[0]!.details).toEqual({ reason: expect.stringContaining('boom') });
    expect(autocheckpoint(store.db)).toBe(1000);
    await exited;
    // 'error' and then 'exit' both arrive; the second must not warn again.
    expect(warnings).toHaveLength(1);
    expect(pragmas.mock.calls.map(([sql]) => sql)).not.toContain('wal_autocheckpoint = 0');
  });

  it('turns the writer’s automatic checkpoint back on when a ready worker dies', async () => {
    const store = openStore();
    const pragmas = vi.spyOn(store.db, 'pragma');
    let worker: Worker | undefined;
    const checkpointer = track(
      startCheckpointer(store.db, log, {
        start: () =>
          (worker = evalWorker(`
            const { parentPort } = require('node:worker_threads');
            parentPort.on('message', () => { throw new Error('checkpoint failed'); });
            parentPort.postMessage('ready');
          `)),
      }),
    );
    await exitOf(worker!);

    const autocheckpointSettings = pragmas.mock.calls.map(([sql]) => sql).filter((sql) => sql.startsWith('wal_autocheckpoint'));
    expect(autocheckpointSettings).toEqual(['wal_autocheckpoint = 0', 'wal_autocheckpoint = 1000']);
    expect(autocheckpoint(store.db)).toBe(1000);
    expect(warnings).toEqual([{ message: expect.any(String), details: { reason: expect.stringContaining('checkpoint failed') } }]);
    expect(() => checkpointer.committed()).not.toThrow();
  });

  it('ends its worker when the store closes, quietly, and leaves nothing open in the directory', async () => {
    const store = openStore({ checkpointInBackground: true });
    const worker = realWorker();
    const exited = exitOf(worker);
    await vi.waitFor(() => expect(autocheckpoint(store.db)).toBe(0), WAIT);
    writeSettings(store, 5, 10);

    store.close();

    expect(await exited).toBe(0);
    expect(warnings).toEqual([]);
    // The worker's connection was the last one open; once it has closed, SQLite has folded the log in and deleted it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    rmSync(dir, { recursive: true });
    expect(existsSync(dir)).toBe(false);
  });

  it('coalesces commits made while a checkpoint runs into one more checkpoint, which covers the last commit', async () => {
    // A stand-in worker that really checkpoints, but only when the test hands it a permit: that is the only way to
    // make commits land while a checkpoint is known to be running. gate[0] holds permits, gate[1] counts checkpoints.
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const gatedWorker = (data: CheckpointerData): Worker =>
      evalWorker(
        `
        const { parentPort, workerData } = require('node:worker_threads');
        const Database = require(workerData.sqlite);
        const db = new Database(workerData.path, { fileMustExist: true });
        const gate = workerData.gate;
        parentPort.on('message', (request) => {
          if (request === 'close') { db.close(); parentPort.close(); return; }
          while (Atomics.load(gate, 0) === 0) Atomics.wait(gate, 0, 0);
          Atomics.sub(gate, 0, 1);
          const [result] = db.pragma('wal_checkpoint(PASSIVE)');
          Atomics.add(gate, 1, 1);
          Atomics.notify(gate, 1);
          parentPort.postMessage({ logFrames: result.log, checkpointedFrames: result.checkpointed });
        });
        parentPort.postMessage('ready');
        `,
        { ...data, gate, sqlite: createRequire(import.meta.url).resolve('better-sqlite3') },
      );
    const permit = (count = 1): void => {
      Atomics.add(gate, 0, count);
      Atomics.notify(gate, 0);
    };

    const store = openStore();
    const done: CheckpointDone[] = [];
    let worker: Worker | undefined;
    const checkpointer = track(
      startCheckpointer(store.db, log, { start: (data) => (worker = gatedWorker(data)), onCheckpoint: (d) => done.push(d) }),
    );
    const exited = exitOf(worker!);
    // Ready: the first checkpoint has been asked for and is held at the gate.
    await vi.waitFor(() => expect(autocheckpoint(store.db)).toBe(0), WAIT);

    let commits = 0;
    const committed = (): void => {
      commits += 1;
      checkpointer.committed();
    };
    writeSettings(store, 100, 1, committed);
    // Let the first checkpoint run and block until it has: it copies these 100 rows and nothing after them.
    permit();
    expect(Atomics.wait(gate, 1, 0, 10_000)).not.toBe('timed-out');
    // Still inside the same turn, so the checkpointer has not yet heard the first one finish.
    writeSettings(store, 100, 1, committed);
    permit();

    await vi.waitFor(() => expect(done).toHaveLength(2), WAIT);
    expect(rowsInDatabaseFile()).toBe(200);
    expect(done[1]!.logFrames).toBeGreaterThan(0);
    expect(done[1]!.checkpointedFrames).toBe(done[1]!.logFrames);

    // Any further checkpoint asked for would run before 'close' and report before the worker exits.
    permit(1000);
    checkpointer.close();
    expect(await exited).toBe(0);
    expect(done).toHaveLength(2);
    expect(commits).toBe(200);
  });
});
