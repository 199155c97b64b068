import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { runDaemonLauncher, waitFor } from './exec';
import { rigPaths } from './paths';

async function masterPid(dir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(rigPaths(dir).dovecotPid, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Running, and not a zombie: a killed daemon's zombie lingers until its parent (often init here) reaps it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows the parenthesised command name, which may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts the rig's Dovecot (it daemonizes) and resolves once its IMAP port accepts connections. */
export async function startDovecot(dir: string, imapPort: number): Promise<void> {
  const pid = await masterPid(dir);
  if (pid !== undefined && isAlive(pid)) return;
  await runDaemonLauncher('/usr/sbin/dovecot', ['-c', rigPaths(dir).dovecotConf]);
  await waitFor('Dovecot to accept IMAP connections', async () => ((await portAccepts(imapPort)) ? true : undefined));
}

/**
 * Stops Dovecot gracefully and waits until it is gone. SIGTERM goes to the master's whole process group, as
 * systemd's stop does: signalled alone, the master leaves open IMAP sessions serving, which no real shutdown does.
 */
export async function stopDovecot(dir: string, imapPort: number): Promise<void> {
  const pid = await masterPid(dir);
  if (pid === undefined || !isAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  await waitFor('Dovecot to exit', () => (isAlive(pid) ? undefined : true));
  await waitFor('Dovecot to release its IMAP port', async () => ((await portAccepts(imapPort)) ? undefined : true));
}

/**
 * Kills Dovecot the hard way, as a crash or power cut would: SIGKILL to the master's whole process group (the
 * master is a session leader after daemonizing, so its login, imap and auth children share its group).
 */
export async function killDovecot(dir: string, imapPort: number): Promise<void> {
  const pid = await masterPid(dir);
  if (pid === undefined || !isAlive(pid)) return;
  process.kill(-pid, 'SIGKILL');
  await waitFor('Dovecot to die', () => (isAlive(pid) ? undefined : true));
  await waitFor('Dovecot to release its IMAP port', async () => ((await portAccepts(imapPort)) ? undefined : true));
  // A stale pid file makes the next start check a pid the kernel may have reused.
  if (existsSync(rigPaths(dir).dovecotPid)) await rm(rigPaths(dir).dovecotPid);
}
