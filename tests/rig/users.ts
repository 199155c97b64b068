import { createHash, randomBytes } from 'node:crypto';
import { chown, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { specialUseFolderNames } from './dovecotConfig';
import { maildirOf, rigPaths } from './paths';
import { ensureMailAccount } from './system';
import type { RigInfo, TestUser } from './types';

/** Dovecot's {SSHA512} scheme: base64(SHA-512(password ‖ salt) ‖ salt). A real hash, without a doveadm process per user. */
function ssha512(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha512').update(password).update(salt).digest();
  return `{SSHA512}${Buffer.concat([digest, salt]).toString('base64')}`;
}

async function makeOwnedDir(path: string, uid: number, gid: number): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chown(path, uid, gid);
}

/** Creates a Maildir folder (`cur`, `new`, `tmp`) owned by the mail account; `INBOX` is the Maildir itself. */
export async function makeMaildirFolder(maildir: string, folder: string): Promise<string> {
  const { uid, gid } = await ensureMailAccount();
  // Maildir++: folder "A/B" lives in ".A.B" beside INBOX's cur/new/tmp.
  const folderDir = folder === 'INBOX' ? maildir : join(maildir, `.${folder.split('/').join('.')}`);
  await makeOwnedDir(folderDir, uid, gid);
  for (const sub of ['cur', 'new', 'tmp']) await makeOwnedDir(join(folderDir, sub), uid, gid);
  return folderDir;
}

/**
 * Adds a user to the rig (a passwd-file of its own, read by Dovecot on the first lookup) and creates the Maildir with the special-use folders. Without `exact`, a random suffix keeps users of
 * parallel tests apart: `alice` becomes `alice-k3f9x2@postino.test`.
 */
export async function createUserIn(rig: RigInfo, localPart = 'user', options: { exact?: boolean } = {}): Promise<TestUser> {
  const { uid, gid } = await ensureMailAccount();
  const name = options.exact ? localPart : `${localPart}-${randomBytes(4).toString('hex')}`;
  const address = `${name}@${rig.domain}`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const maildir = maildirOf(rig.dir, address);
  const home = dirname(maildir);

  await makeOwnedDir(home, uid, gid);
  await makeMaildirFolder(maildir, 'INBOX');
  for (const folder of specialUseFolderNames) await makeMaildirFolder(maildir, folder);

  // Written to a temporary name first, so Dovecot never reads half a line.
  const usersFile = join(rigPaths(rig.dir).dovecotUsers, address);
  await writeFile(`${usersFile}.tmp`, `${address}:${ssha512(password)}:${uid}:${gid}::${home}::\n`);
  await rename(`${usersFile}.tmp`, usersFile);
  return { address, username: address, password, maildir };
}
