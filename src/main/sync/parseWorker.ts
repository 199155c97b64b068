/**
 * Worker thread entry (an entry of electron.vite.config.ts): decoding and sanitising bodies costs more than fetching
 * them, so it runs here instead of on the thread that answers the UI.
 */
import { parentPort } from 'node:worker_threads';
import { parseBody } from './parseBody';
import type { ParseRequest, ParseResponse } from './parsePool';

if (!parentPort) throw new Error('parseWorker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { jobId: request.jobId, bodies: request.messages.map((parts) => parseBody(parts)) };
  } catch (err) {
    // The worker stays up for the next batch; the pool parses this one again on the main thread.
    response = { jobId: request.jobId, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(response);
});
