import { randomBytes } from 'node:crypto';
import { chown, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { run } from './exec';
import { rigPaths } from './paths';
import { ensureMailAccount } from './system';
import { makeMaildirFolder } from './users';

const processStartSeconds = Math.floor(Date.now() / 1000);
let sequence = 0;

/**
 * A unique Maildir file name (`secs.M<usecs>P<pid>_<rand>.host,S=<size>`). Dovecot gives new files their UIDs
 * in the order of the seconds and microseconds in their names, so both count up with each message: seeded
 * messages keep the order they were given in. `S=` lets Dovecot learn the size without a stat. Seen messages
 * go to `cur/` with `:2,S`; unseen ones go to `new/` without an info part, because a `:2,` name in `cur/`
 * makes Dovecot 2.3 rescan all of `cur/` on every single-message fetch.
 */
export function maildirFileName(size: number, seen: boolean): string {
  sequence += 1;
  const seconds = processStartSeconds + Math.floor(sequence / 1_000_000);
  const base = `${seconds}.M${sequence % 1_000_000}P${process.pid}_${randomBytes(3).toString('hex')}.${hostname()},S=${size}`;
  return seen ? `${base}:2,S` : base;
}

/** Writes one message into a Maildir folder the way a delivery agent does: tmp/, then an atomic rename. */
export async function writeMaildirMessage(folderDir: string, raw: Buffer, seen: boolean, ids: { uid: number; gid: number }): Promise<void> {
  const name = maildirFileName(raw.length, seen);
  const tmpPath = join(folderDir, 'tmp', name);
  await writeFile(tmpPath, raw);
  await chown(tmpPath, ids.uid, ids.gid);
  await rename(tmpPath, join(folderDir, seen ? 'cur' : 'new', name));
}

/** Runs `doveadm index`, so UIDs are assigned and the index built as on a long-running server. */
export async function indexFolder(dir: string, address: string, folder: string): Promise<void> {
  await run('/usr/bin/doveadm', ['-c', rigPaths(dir).dovecotConf, 'index', '-u', address, folder]);
}

/**
 * Puts a folder's Dovecot index back to what `doveadm index` builds for a fresh Maildir. Dovecot caches the ENVELOPE
 * and BODYSTRUCTURE a client fetched, and the next client to fetch them is served from that cache in half the time:
 * a benchmark calls this before each client it measures, so every one of them meets the same server. The UIDs and
 * UIDVALIDITY live in dovecot-uidlist and stay. Only while no session has the folder open.
 */
export async function resetFolderIndex(dir: string, user: { address: string; maildir: string }, folder: string): Promise<void> {
  const folderDir = await makeMaildirFolder(user.maildir, folder);
  for (const file of ['dovecot.index', 'dovecot.index.cache', 'dovecot.index.log', 'dovecot.index.log.2']) {
    await rm(join(folderDir, file), { force: true });
  }
  await indexFolder(dir, user.address, folder);
}

/** Puts raw messages straight into a user's folder (created if missing), in order, then indexes it. */
export async function seedMaildirIn(
  dir: string,
  user: { address: string; maildir: string },
  folder: string,
  rawMessages: Array<string | Buffer>,
  options: { seen?: boolean } = {},
): Promise<void> {
  const ids = await ensureMailAccount();
  const folderDir = await makeMaildirFolder(user.maildir, folder);
  for (const raw of rawMessages) {
    await writeMaildirMessage(folderDir, typeof raw === 'string' ? Buffer.from(raw) : raw, options.seen ?? false, ids);
  }
  await indexFolder(dir, user.address, folder);
}
