import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { run, runDaemonLauncher } from './exec';
import { rigPaths } from './paths';
import { postfixMainCf, postfixMasterCf, type PostfixPorts } from './postfixConfig';

async function postfixIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postfix'])).trim());
  const gid = Number((await run('id', ['-g', 'postfix'])).trim());
  return { uid, gid };
}

/** Writes the private instance's configuration and the directories Postfix insists on owning. */
export async function configurePostfix(dir: string, domain: string, ports: PostfixPorts): Promise<void> {
  const paths = rigPaths(dir);
  await mkdir(paths.postfixConfDir, { recursive: true });
  await mkdir(paths.postfixQueue, { recursive: true, mode: 0o755 });
  await mkdir(paths.postfixData, { recursive: true, mode: 0o700 });
  const { uid, gid } = await postfixIds();
  await chown(paths.postfixData, uid, gid);
  await writeFile(`${paths.postfixConfDir}/main.cf`, postfixMainCf(dir, domain, ports));
  await writeFile(`${paths.postfixConfDir}/master.cf`, postfixMasterCf(ports));
}

/**
 * `postfix start` returns once the master runs; `postfix check` (run by it) creates the queue directories.
 * Postfix reports errors only to its log (or a terminal), so a failure quotes the log.
 */
export async function startPostfix(dir: string): Promise<void> {
  try {
    await runDaemonLauncher('/usr/sbin/postfix', ['-c', rigPaths(dir).postfixConfDir, 'start']);
  } catch (error) {
    const log = await readFile(rigPaths(dir).postfixLog, 'utf8').catch(() => '(no log)');
    throw new Error(`${(error as Error).message}\n${log.split('\n').slice(-6).join('\n')}`);
  }
}

/**
 * Makes Postfix start fresh smtpd processes. Needed after Dovecot restarts: running smtpd processes keep their
 * SASL connection to Dovecot's old auth service and answer the next AUTH with 454 "Connection lost".
 */
export async function reloadPostfix(dir: string): Promise<void> {
  await run('/usr/sbin/postfix', ['-c', rigPaths(dir).postfixConfDir, 'reload']);
}

export async function stopPostfix(dir: string): Promise<void> {
  await run('/usr/sbin/postfix', ['-c', rigPaths(dir).postfixConfDir, 'stop']).catch(() => undefined);
}
