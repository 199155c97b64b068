import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const webEntry = join(root, 'out/main/web.js');

export interface WebMode {
  /** The printed address, token included. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Builds once when needed (`npm test` has built already), so the e2e run alone works too. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(webEntry) && existsSync(join(root, 'out/renderer/index.html'))) return;
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`electron-vite build exited with ${code}`))));
  });
}

/** Starts the built web mode on a free port with a fresh data directory and waits for the line with its URL. */
export async function startWebMode(): Promise<WebMode> {
  const dataDir = await mkdtemp(join(tmpdir(), 'postino-e2e-'));
  const child = spawn(process.execPath, [webEntry, '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 30 s:\n${output.join('')}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Postino web mode: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}:\n${output.join('')}`));
    });
  });
  return { url, dataDir, stop: () => stopProcess(child).then(() => rm(dataDir, { recursive: true, force: true })) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
