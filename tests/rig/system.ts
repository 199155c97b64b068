import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './exec';

const requiredPrograms = ['/usr/sbin/dovecot', '/usr/bin/doveadm', '/usr/lib/dovecot/lmtp', '/usr/sbin/postfix', '/usr/bin/openssl', '/usr/bin/mbsync'];
const installScript = fileURLToPath(new URL('../../scripts/install-system-deps.sh', import.meta.url));

/** Installs Dovecot, Postfix, openssl and mbsync from Debian's packages when any is missing, so a clean machine works. */
export async function ensureSystemDeps(): Promise<void> {
  if (requiredPrograms.every((program) => existsSync(program))) return;
  // The integration and e2e setups start at the same moment; apt must run once at a time.
  await run('flock', ['/tmp/postino-rig-install.lock', 'bash', installScript]);
}

/** The unprivileged system account that owns every rig user's mail (Dovecot refuses to run mail as root). */
export const mailAccount = 'postino-mail';

export interface MailIds { uid: number; gid: number }

let cachedIds: MailIds | undefined;

export async function ensureMailAccount(): Promise<MailIds> {
  if (cachedIds) return cachedIds;
  try {
    await run('id', ['-u', mailAccount]);
  } catch {
    // Several rigs may start at once; a concurrent useradd winning the race is fine.
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', mailAccount]).catch(() => undefined);
  }
  const uid = Number((await run('id', ['-u', mailAccount])).trim());
  const gid = Number((await run('id', ['-g', mailAccount])).trim());
  cachedIds = { uid, gid };
  return cachedIds;
}
