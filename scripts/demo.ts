/**
 * `npm run demo [-- --port 4870]`: Postino in web mode against a private Dovecot + Postfix with two seeded
 * mailboxes. Alice's account is added already; the printed settings let a tester add Bob's through the UI,
 * trusting the rig's self-signed certificate. Ctrl-C stops the page, the core and the rig, and removes the rig.
 * Needs root, as the rig does (tests/rig/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiscoveryDeps } from '../src/main/accounts/discover';
import { createCore } from '../src/main/core/createCore';
import type { Core } from '../src/main/core/types';
import { startWebServer, type WebServer } from '../src/main/web/server';
import { startRig, type RigInfo, type RunningRig, type TestUser } from '../tests/rig';
import { reapAbandonedRigs } from '../tests/rig/abandonedRigs';
import { rigsRoot } from '../tests/rig/paths';
import { seedDemoMailboxes } from '../tests/rig/seed';
import { rigAccountInput } from '../tests/integration/core.harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(root, 'out', 'renderer');
const DEFAULT_PORT = 4870;
const USAGE = `Usage: npm run demo [-- --port <port>]   (default port ${DEFAULT_PORT}; 0 picks a free one)`;

function parsePort(argv: string[]): number {
  const at = argv.indexOf('--port');
  if (at === -1) return DEFAULT_PORT;
  const port = Number(argv[at + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port needs a port number\n${USAGE}`);
  return port;
}

/** The demo serves the built renderer; a checkout that was never built gets built once. */
function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  console.log('demo: building the app first (npx electron-vite build)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`electron-vite build exited with ${build.status}`);
}

/**
 * `.rig/demo`, after removing what a killed demo (or test run) left behind; a fresh `.rig/demo-*` when another
 * demo is still running there. Seeding needs an empty rig: creating alice again would give her a new password.
 */
async function demoRigDir(): Promise<string> {
  await mkdir(rigsRoot, { recursive: true });
  await reapAbandonedRigs(rigsRoot);
  const dir = join(rigsRoot, 'demo');
  return existsSync(dir) ? mkdtemp(join(rigsRoot, 'demo-')) : dir;
}

/**
 * Discovery as if the rig's domain published RFC 6186 SRV records for its IMAPS and submission ports, so typing
 * bob@'s address in the UI proposes the rig's servers. Any other domain finds nothing: in the demo no lookup or
 * probe leaves this machine.
 */
function rigDiscovery(rig: RigInfo): DiscoveryDeps {
  const records: Record<string, { port: number }> = {
    [`_imaps._tcp.${rig.domain}`]: { port: rig.imapsPort },
    [`_submission._tcp.${rig.domain}`]: { port: rig.smtpPort },
  };
  return {
    resolveSrv: async (name) => {
      const record = records[name];
      return record ? [{ name: rig.host, port: record.port, priority: 0, weight: 0 }] : [];
    },
    isReachable: async () => false,
  };
}

function describeUser(rig: RigInfo, user: TestUser, displayName: string): string {
  const input = rigAccountInput(rig, user, displayName);
  return [
    `  ${displayName}`,
    `    address   ${input.address}`,
    `    user      ${input.username}`,
    `    password  ${input.password}`,
    `    IMAP      ${input.imap.host}:${input.imap.port} (TLS)   SMTP ${input.smtp.host}:${input.smtp.port} (STARTTLS)`,
  ].join('\n');
}

interface Running {
  rig?: RunningRig;
  core?: Core;
  server?: WebServer;
}

/** Page first, so no request reaches a closing core; then the core, so no sync reaches a stopped server. */
async function shutDown(running: Running): Promise<void> {
  await running.server?.close();
  await running.core?.close();
  if (running.rig) {
    await running.rig.stop();
    await rm(running.rig.dir, { recursive: true, force: true });
  }
}

async function start(running: Running, port: number): Promise<void> {
  ensureRendererBuilt();
  const dir = await demoRigDir();
  console.log(`demo: starting Dovecot and Postfix in ${dir}…`);
  const rig = await startRig({ dir });
  running.rig = rig;
  console.log('demo: seeding the mailboxes of alice@ and bob@…');
  const { alice, bob } = await seedDemoMailboxes(rig);

  const core = await createCore({ dataDir: join(dir, 'postino-data'), accountServiceOverrides: { discovery: rigDiscovery(rig) } });
  running.core = core;
  const account = await core.api.accounts.add(rigAccountInput(rig, alice, 'Alice Demo'));
  // Adding an account starts its first sync (the scheduler calls the engine before `add` returns): waiting for it
  // lets the page open on a full Inbox.
  await core.sync.idle();
  const folders = await core.api.folders.list(account.id);
  const messages = folders.reduce((total, folder) => total + folder.totalCount, 0);
  console.log(`demo: ${account.address} synced: ${folders.length} folders, ${messages} messages`);

  running.server = await startWebServer({ core, host: '127.0.0.1', port, rendererDir });
  console.log(
    [
      '',
      `Postino web mode: ${running.server.url}`,
      '',
      'Demo mailboxes (alice is added; add bob through the UI):',
      describeUser(rig, alice, 'Alice Demo'),
      describeUser(rig, bob, 'Bob Demo'),
      `  The servers' certificate is self-signed; trust it when asked. SHA-256 fingerprint:`,
      `    ${rig.certSha256}`,
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(USAGE);
  const port = parsePort(argv);
  const running: Running = {};
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while stopping means "now"; the next demo or test run reaps what is left.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\ndemo: ${signal}, stopping…`);
    shutDown(running).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('demo: could not stop cleanly', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await start(running, port);
  } catch (err) {
    await shutDown(running).catch(() => undefined);
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
