// better-sqlite3 is a native module compiled for one ABI at a time: Node's (tests, web mode) or Electron's (the
// desktop app). `npm start` rebuilds it for Electron when it launches the desktop app; every Node entry point
// (npm test, npm run web, demo, bench) runs this first and rebuilds it back for Node when needed.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const probe = "new (require('better-sqlite3'))(':memory:').close()";

/** True when better-sqlite3 loads under `command` (Node itself, or Electron run as Node). */
export function loadsUnder(command, env = process.env) {
  return spawnSync(command, ['-e', probe], { cwd: root, env, stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function ensureForNode() {
  if (loadsUnder(process.execPath)) return;
  console.log('Rebuilding better-sqlite3 for Node (it was last built for Electron)…');
  run('npm', ['rebuild', 'better-sqlite3']);
}

export function ensureForElectron(electronBinary) {
  if (loadsUnder(electronBinary, { ...process.env, ELECTRON_RUN_AS_NODE: '1' })) return;
  console.log('Rebuilding better-sqlite3 for Electron (npm test rebuilds it for Node when needed)…');
  run('npx', ['electron-builder', 'install-app-deps']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureForNode();
