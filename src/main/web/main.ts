/**
 * Entry of web mode (built to out/main/web.js): the composition root for a browser instead of Electron. Prints
 * one line with the address to open and closes the core cleanly on Ctrl-C or SIGTERM.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/createCore';
import type { Core } from '../core/types';
import { DEFAULT_PORT, parseWebModeOptions, USAGE, type WebModeOptions } from './options';
import { startWebServer, type WebServer } from './server';

const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(USAGE);
  const options = parseWebModeOptions({ argv, env: process.env, platform: process.platform, homeDir: homedir() });
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${join(rendererDir, 'index.html')}): run npm run build first`);
  }

  const core = await createCore({ dataDir: options.dataDir });
  let server: WebServer;
  try {
    server = await startOnPort(core, options);
  } catch (err) {
    await core.close();
    throw err;
  }
  console.log(`Postino web mode: ${server.url}`);
  closeOnSignals(server, core);
}

/** The default port is a convenience (bookmarks, muscle memory); when it is taken, any free port will do. */
async function startOnPort(core: Core, options: WebModeOptions): Promise<WebServer> {
  const start = (port: number) => startWebServer({ core, host: '127.0.0.1', port, rendererDir });
  try {
    return await start(options.port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (options.portChosen) throw new Error(`Port ${options.port} is in use: choose another with --port, or --port 0 for any free one`);
    console.error(`Postino web mode: port ${DEFAULT_PORT} is busy, using a free one`);
    return start(0);
  }
}

function closeOnSignals(server: WebServer, core: Core): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while the core is still closing means "now".
    if (closing) process.exit(130);
    closing = true;
    console.error(`Postino web mode: ${signal}, closing`);
    // Pages first, so no request reaches a core that is shutting down.
    server.close().then(() => core.close()).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Postino web mode: could not close cleanly', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`Postino web mode: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
