import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's git-ignored directory where test runs and scripts keep their rigs. */
export const rigsRoot = fileURLToPath(new URL('../../.rig/', import.meta.url));

/** Where each piece of a rig lives under its root directory; every process derives them from `RigInfo.dir`. */
export function rigPaths(dir: string) {
  const dovecot = join(dir, 'dovecot');
  const postfix = join(dir, 'postfix');
  return {
    tlsCert: join(dir, 'tls', 'cert.pem'),
    tlsKey: join(dir, 'tls', 'key.pem'),
    dovecotConf: join(dovecot, 'dovecot.conf'),
    dovecotUsers: join(dovecot, 'users'),
    dovecotBase: join(dovecot, 'run'),
    dovecotState: join(dovecot, 'state'),
    dovecotLog: join(dovecot, 'dovecot.log'),
    dovecotPid: join(dovecot, 'run', 'master.pid'),
    postfixConfDir: join(postfix, 'conf'),
    postfixQueue: join(postfix, 'queue'),
    postfixData: join(postfix, 'data'),
    postfixLog: join(postfix, 'postfix.log'),
    mailRoot: join(dir, 'mail'),
    info: join(dir, 'rig.json'),
  };
}

export function maildirOf(dir: string, address: string): string {
  return join(rigPaths(dir).mailRoot, address, 'Maildir');
}
