import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { claimRig } from './abandonedRigs';
import { dovecotConfig, noRev1Host } from './dovecotConfig';
import { startDovecot, stopDovecot } from './dovecot';
import { rigPaths } from './paths';
import { freePorts } from './ports';
import { configurePostfix, startPostfix, stopPostfix } from './postfix';
import { ensureMailAccount, ensureSystemDeps } from './system';
import { makeCertificate } from './tls';
import type { RigInfo } from './types';

export interface RunningRig extends RigInfo {
  /** Stops Postfix and Dovecot; the directory stays for inspection (its owner removes it). */
  stop(): Promise<void>;
}

export const rigDomain = 'postino.test';

/** Every directory above the rig must let other users through, or the daemons fail with obscure errors. */
async function assertSearchableByDaemons(directory: string): Promise<void> {
  for (let current = directory; ; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(`rig: ${current} must be searchable by other users (chmod o+x): Dovecot and Postfix run as their own users`);
    }
    if (dirname(current) === current) return;
  }
}

/**
 * Starts a private Dovecot and Postfix under `dir` on free loopback ports. Several rigs can run at once.
 * Installs the Debian packages first if any is missing (needs root, as the rig itself does).
 */
export async function startRig(options: { dir: string }): Promise<RunningRig> {
  const { dir } = options;
  if (process.getuid?.() !== 0) {
    throw new Error('rig: needs root (it installs packages, and Dovecot/Postfix switch to their own users)');
  }
  await ensureSystemDeps();
  const mail = await ensureMailAccount();
  const paths = rigPaths(dir);

  // Daemons running as dovenull, dovecot, postfix and postino-mail all walk through the rig directory.
  await mkdir(dir, { recursive: true });
  await assertSearchableByDaemons(dirname(resolve(dir)));
  await chmod(dir, 0o755);
  await claimRig(dir);
  await mkdir(paths.mailRoot, { recursive: true, mode: 0o755 });
  await mkdir(paths.dovecotState, { recursive: true });
  await mkdir(paths.dovecotUsers, { recursive: true });

  const [imapPort, imapsPort, lmtpPort, authPort, mxPort, smtpPort, smtpsPort] = (await freePorts(7)) as [
    number, number, number, number, number, number, number,
  ];
  const { certPem, certSha256 } = await makeCertificate(paths.tlsCert, paths.tlsKey);

  await writeFile(paths.dovecotConf, dovecotConfig(dir, { imapPort, imapsPort, lmtpPort, authPort }, mail));
  await configurePostfix(dir, rigDomain, { mxPort, smtpPort, smtpsPort, lmtpPort, authPort });
  const stop = async () => {
    await stopPostfix(dir);
    await stopDovecot(dir, imapPort);
  };
  try {
    await startDovecot(dir, imapPort);
    await startPostfix(dir);
  } catch (error) {
    // Half a rig would keep its ports and processes with nobody left to stop them.
    await stop();
    throw error;
  }

  const info: RigInfo = {
    host: '127.0.0.1', imapPort, imapsPort, smtpPort, smtpsPort, mxPort, lmtpPort, noRev1Host,
    domain: rigDomain, dir, certPem, certSha256, dovecotLog: paths.dovecotLog,
  };
  await writeFile(paths.info, JSON.stringify(info, null, 2));
  return { ...info, stop };
}
