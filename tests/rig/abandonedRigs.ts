import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stopDovecot } from './dovecot';
import { rigPaths } from './paths';
import { stopPostfix } from './postfix';
import type { RigInfo } from './types';

const ownerFile = (dir: string) => join(dir, 'owner.pid');

/** Marks the rig as belonging to this process, so a later run can tell an abandoned rig from a live one. */
export function claimRig(dir: string): Promise<void> {
  return writeFile(ownerFile(dir), String(process.pid));
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops and removes rigs under `rigsDir` whose owning process is gone: a test run killed before its teardown
 * leaves Dovecot and Postfix running, and their Maildirs on disk. Rigs of live processes are left alone.
 */
export async function reapAbandonedRigs(rigsDir: string): Promise<void> {
  const entries = existsSync(rigsDir) ? await readdir(rigsDir, { withFileTypes: true }) : [];
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    const dir = join(rigsDir, entry.name);
    const owner = Number(await readFile(ownerFile(dir), 'utf8').catch(() => 'NaN'));
    if (!Number.isInteger(owner) || processExists(owner)) continue;
    const info = JSON.parse(await readFile(rigPaths(dir).info, 'utf8').catch(() => 'null')) as RigInfo | null;
    await stopPostfix(dir);
    if (info) await stopDovecot(dir, info.imapPort);
    await rm(dir, { recursive: true, force: true });
  }
}
