/**
 * What the core's integration tests (and the demo script) share: a rig user as the account form would enter it,
 * a core on a temporary data directory, a wait for the syncs a call set off, and counts of what reached Dovecot.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/createCore';
import type { Core, CoreOptions } from '../../src/main/core/types';
import { settle } from '../../src/main/scheduler/fakeTime';
import type { AccountInput } from '../../src/shared/types';
import type { RigInfo, TestUser } from '../rig';

/** IMAPS with the rig's self-signed certificate pinned, SMTP submission with STARTTLS: what a tester types. */
export function rigAccountInput(rig: RigInfo, user: TestUser, displayName: string): AccountInput {
  return {
    address: user.address,
    displayName,
    username: user.username,
    password: user.password,
    imap: { host: rig.host, port: rig.imapsPort, security: 'tls' },
    smtp: { host: rig.host, port: rig.smtpPort, security: 'starttls' },
    pinnedCertSha256: rig.certSha256,
  };
}

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Closes the core; the data directory stays for a core reopened on it. */
  close(): Promise<void>;
  /** Closes the core and removes the data directory. */
  dispose(): Promise<void>;
}

async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'postino-core-'));
}

/** A core on `dataDir` (a fresh temporary one when omitted), with one parse worker to spare the shared CPUs. */
export async function openCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const core = await createCore({ ...options, dataDir, syncTuning: { parseWorkers: 1, ...options.syncTuning } });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  return {
    core,
    dataDir,
    close,
    async dispose() {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for every sync the last calls set off. The API answers before the engine has registered a folder sync
 * (a few promise hops), hence the settle first; the settle after lets the scheduler record the finished sync.
 */
export async function syncsSettled(core: Core): Promise<void> {
  await settle();
  await core.sync.idle();
  await settle();
}

/** Polls `check` in real time until it returns a value other than undefined. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What one user's sessions did on the server so far, from Dovecot's log. */
export interface ServerActivity {
  logins: number;
  /** Finished SELECT commands per mailbox name. */
  selects: Map<string, number>;
  totalSelects: number;
}

/**
 * Counts the user's `Login:` lines and the `Command finished: SELECT <mailbox>` debug lines of their sessions
 * (a session's lines carry `imap(<user>)`). Dovecot's processes hand their lines to its log process, which writes
 * them a moment after the client got its answer: the log is read until two reads 200 ms apart agree.
 */
export async function serverActivity(rig: RigInfo, user: TestUser): Promise<ServerActivity> {
  let previous = await readServerActivity(rig, user);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await readServerActivity(rig, user);
    if (JSON.stringify([...current.selects]) === JSON.stringify([...previous.selects]) && current.logins === previous.logins) {
      return current;
    }
    previous = current;
  }
}

async function readServerActivity(rig: RigInfo, user: TestUser): Promise<ServerActivity> {
  const lines = (await readFile(rig.dovecotLog, 'utf8')).split('\n');
  const logins = lines.filter((line) => line.includes(`Login: user=<${user.username}>`)).length;
  const selects = new Map<string, number>();
  for (const line of lines) {
    if (!line.includes(`imap(${user.username})`)) continue;
    // The mailbox as the client sent it: an atom, or a quoted string (RFC 3501 §9) when it has spaces.
    const match = /Command finished: SELECT (?:"((?:[^"\\]|\\.)*)"|(\S+))/.exec(line);
    const mailbox = match?.[1] ?? match?.[2];
    if (mailbox !== undefined) selects.set(mailbox, (selects.get(mailbox) ?? 0) + 1);
  }
  return { logins, selects, totalSelects: [...selects.values()].reduce((sum, count) => sum + count, 0) };
}
