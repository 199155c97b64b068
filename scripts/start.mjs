// `npm start`: builds, then runs the desktop app when Electron's binary is installed, and web mode otherwise
// (offline machines and CI, where the binary cannot be downloaded). Arguments are passed on to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureForElectron, ensureForNode } from './native-abi.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const appArgs = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
if (electron) {
  ensureForElectron(electron);
  run(electron, [root, ...appArgs], withoutRunAsNode(process.env));
} else {
  console.log('Electron is not installed here (its binary could not be downloaded), so Postino starts in web mode instead:');
  ensureForNode();
  run(process.execPath, [join(root, 'out', 'main', 'web.js'), ...appArgs], process.env);
}

/**
 * The path node_modules/electron would use, or null when the binary is absent. Not `require('electron')`: when
 * the binary is missing, that tries to download it, which offline means a long wait and then a failure.
 */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative && join(packageDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}

/** ELECTRON_RUN_AS_NODE, if set in the user's shell, would make Electron a plain Node and skip the app. */
function withoutRunAsNode(env) {
  const { ELECTRON_RUN_AS_NODE: _ignored, ...rest } = env;
  return rest;
}

function run(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  // Ctrl-C reaches the child through the terminal; a SIGTERM sent to npm alone is passed on.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}
