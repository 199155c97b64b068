/**
 * Starts one of the core's worker threads. The built app runs `<name>.js` beside the bundle that starts it (each
 * worker is an entry of electron.vite.config.ts and of bench/buildChild.ts). Tests and tsx run the TypeScript
 * source: Node 20 does not apply `--import tsx` from a worker's execArgv before loading its entry, so a two-line
 * bootstrap registers tsx's loader inside the worker and then imports the source.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerEntry {
  /** `new URL('./name.js', import.meta.url)` written in the starting module, so it resolves beside its bundle. */
  built: URL;
  /** `new URL('./name.ts', import.meta.url)`: the source, for tests and tsx. */
  source: URL;
}

export function startWorker(entry: WorkerEntry, options: { resourceLimits?: ResourceLimits; workerData?: unknown } = {}): Worker {
  const built = fileURLToPath(entry.built);
  if (existsSync(built)) return new Worker(built, options);
  // tsx's ESM API, located through its package.json: the `require` condition would pick its CommonJS build.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
