// Postino's bench child is measured as the app ships: bundled JavaScript, no TypeScript loader in the process (tsx's
// loader thread and transpile cache were a tenth of the peak RSS the core was charged with).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../out/bench/', import.meta.url));

/**
 * Bundles bench/postinoChild.ts and the core's workers side by side (the core looks for each worker's .js file next to
 * the code that starts it, as in out/main); packages stay external and load from node_modules, as in the app.
 * The outputs are ES modules ending in .js: the project's package.json says `"type": "module"`.
 * Returns the path of the child's entry.
 */
export async function buildPostinoChild(): Promise<string> {
  await build({
    absWorkingDir: root,
    entryPoints: {
      postinoChild: 'bench/postinoChild.ts',
      parseWorker: 'src/main/sync/parseWorker.ts',
      checkpointWorker: 'src/main/store/checkpointWorker.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return `${outdir}postinoChild.js`;
}
