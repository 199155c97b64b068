/** A small pool of parse workers (src/main/sync/parseWorker.ts) with a promise per batch of messages. */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/startWorker';
import type { RawTextPart } from './parseBody';
import type { ParsedBody } from './sink';

export interface ParseRequest {
  jobId: number;
  /** One entry per message: its text parts. */
  messages: RawTextPart[][];
}

export type ParseResponse = { jobId: number; bodies: ParsedBody[] } | { jobId: number; error: string };

export interface ParsePool {
  /** Parses a batch of messages; resolves with one body per message, in order. */
  parse(messages: RawTextPart[][]): Promise<ParsedBody[]>;
  close(): Promise<void>;
}

interface Job {
  resolve(bodies: ParsedBody[]): void;
  reject(err: Error): void;
}

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * One core stays with the main thread (IMAP parsing and SQLite); at most four workers are worth their memory. On two
 * cores that is one worker: in the 100,000-message benchmark it was idle three quarters of the body pass (the main
 * thread's writes are the bottleneck), and a second one only added its 45 MB to the core's peak RSS.
 */
export function defaultParseWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export function createParsePool(size = defaultParseWorkerCount()): ParsePool {
  const workers: PoolWorker[] = [];
  let nextJobId = 1;
  let closed = false;

  const spawn = (): PoolWorker => {
    const poolWorker: PoolWorker = { worker: startParseWorker(), jobs: new Map() };
    const fail = (err: Error): void => {
      const index = workers.indexOf(poolWorker);
      if (index !== -1) workers.splice(index, 1);
      for (const job of poolWorker.jobs.values()) job.reject(err);
      poolWorker.jobs.clear();
    };
    poolWorker.worker.on('message', (response: ParseResponse) => {
      const job = poolWorker.jobs.get(response.jobId);
      poolWorker.jobs.delete(response.jobId);
      if (poolWorker.jobs.size === 0) poolWorker.worker.unref();
      if ('error' in response) job?.reject(new Error(`parse worker: ${response.error}`));
      else job?.resolve(response.bodies);
    });
    poolWorker.worker.on('error', fail);
    poolWorker.worker.on('exit', (code) => fail(new Error(`parse worker exited with code ${code}`)));
    // An idle worker must not keep the process (or a test run) alive; a busy one must, or its answer is lost.
    poolWorker.worker.unref();
    workers.push(poolWorker);
    return poolWorker;
  };

  const leastBusy = (): PoolWorker => {
    const idle = workers.reduce<PoolWorker | null>((best, w) => (best === null || w.jobs.size < best.jobs.size ? w : best), null);
    return idle !== null && (idle.jobs.size === 0 || workers.length >= size) ? idle : spawn();
  };

  return {
    parse(messages) {
      if (closed) return Promise.reject(new Error('the parse pool is closed'));
      if (messages.length === 0) return Promise.resolve([]);
      const target = leastBusy();
      const jobId = nextJobId++;
      return new Promise<ParsedBody[]>((resolve, reject) => {
        target.jobs.set(jobId, { resolve, reject });
        target.worker.ref();
        const { packedMessages, buffer } = packIntoOneBuffer(messages);
        const request: ParseRequest = { jobId, messages: packedMessages };
        // Moved, not copied: cloning hundreds of small Buffers cost the main thread more than the copy made here.
        target.worker.postMessage(request, [buffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** Copies every part's bytes into one ArrayBuffer that can be transferred; the parts become views onto it. */
function packIntoOneBuffer(messages: RawTextPart[][]): { packedMessages: RawTextPart[][]; buffer: ArrayBuffer } {
  let total = 0;
  for (const parts of messages) for (const part of parts) total += part.content.byteLength;
  const buffer = new ArrayBuffer(total);
  let offset = 0;
  const packedMessages = messages.map((parts) =>
    parts.map((part) => {
      const view = new Uint8Array(buffer, offset, part.content.byteLength);
      view.set(part.content);
      offset += part.content.byteLength;
      return { textPart: part.textPart, content: view };
    }),
  );
  return { packedMessages, buffer };
}

/**
 * A worker parses 25 messages at a time and keeps nothing, so a small young generation costs it little time and
 * saves the memory V8 would otherwise reserve for it (the core's target is 300 MB at 100,000 messages).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

function startParseWorker(): Worker {
  return startWorker(
    { built: new URL('./parseWorker.js', import.meta.url), source: new URL('./parseWorker.ts', import.meta.url) },
    { resourceLimits: WORKER_LIMITS },
  );
}
