/** Web mode's command line: `--port`/POSTINO_PORT, `--data-dir`/POSTINO_DATA_DIR; flags win over the environment. */
import { join } from 'node:path';
import { PostinoError } from '../../shared/errors';

export interface WebModeOptions {
  port: number;
  /** False when the port is the default: then a busy default falls back to a free port instead of failing. */
  portChosen: boolean;
  dataDir: string;
}

export const DEFAULT_PORT = 4870;

export const USAGE = `Usage: node out/main/web.js [--port <n>] [--data-dir <dir>]
  --port       TCP port on 127.0.0.1 (also POSTINO_PORT; default ${DEFAULT_PORT}, or a free one if that is busy)
  --data-dir   where the cache and the vault live (also POSTINO_DATA_DIR)`;

interface Environment {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  homeDir: string;
}

export function parseWebModeOptions({ argv, env, platform, homeDir }: Environment): WebModeOptions {
  const flags = readFlags(argv);
  const portText = flags.get('port') ?? env.POSTINO_PORT;
  const dataDir = flags.get('data-dir') ?? env.POSTINO_DATA_DIR ?? defaultDataDir(platform, env, homeDir);
  return {
    port: portText === undefined ? DEFAULT_PORT : parsePort(portText),
    portChosen: portText !== undefined,
    dataDir,
  };
}

/** Where each OS keeps an application's data: XDG on Linux and the BSDs, the usual folders elsewhere. */
export function defaultDataDir(platform: string, env: Environment['env'], homeDir: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), 'Postino');
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', 'Postino');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdgDataHome = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(homeDir, '.local', 'share');
  return join(xdgDataHome, 'postino');
}

const KNOWN_FLAGS = new Set(['port', 'data-dir', 'host']);

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1] || !KNOWN_FLAGS.has(match[1])) throw invalid(`Unknown argument: ${arg}`, 'argv');
    const value = match[2] ?? argv[++index];
    if (value === undefined || value === '') throw invalid(`--${match[1]} needs a value`, match[1]);
    flags.set(match[1], value);
  }
  // Accepted only to be refused in words: web mode has no TLS and must never face a network.
  const host = flags.get('host');
  if (host !== undefined && host !== '127.0.0.1') throw invalid(`Web mode listens on 127.0.0.1 only, not ${host}`, 'host');
  return flags;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw invalid(`Not a TCP port: ${text}`, 'port');
  return port;
}

function invalid(message: string, field: string): PostinoError {
  return new PostinoError('invalid-input', message, { field });
}
