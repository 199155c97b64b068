// The rig's public API for tests and scripts. Inside vitest the rig comes from the global setup (`inject`);
// a script that called `startRig`, or a test file that called `useIsolatedRig`, gets its own rig instead.
import { rigInfo, setActiveRig } from './activeRig';
import { deliverVia, type DeliverableMessage } from './deliver';
import { reloadPostfix } from './postfix';
import { killDovecot, startDovecot, stopDovecot } from './dovecot';
import { seedMaildirIn } from './maildir';
import { startRig as startPrivateRig, type RunningRig } from './startRig';
import type { TestUser } from './types';
import { createUserIn } from './users';

export type { RigInfo, TestUser } from './types';
export type { RunningRig } from './startRig';
export type { DeliverableMessage } from './deliver';
export { rigInfo } from './activeRig';
export { useIsolatedRig } from './isolatedRig';

/** Starts a rig for a script (demo, bench); the other functions here then act on it. */
export async function startRig(options: { dir: string }): Promise<RunningRig> {
  const rig = await startPrivateRig(options);
  setActiveRig(rig);
  return rig;
}

/** A fresh user with Sent/Drafts/Trash/Junk/Archive; `exact` keeps the local part as given (demo users). */
export function createUser(localPart?: string, options?: { exact?: boolean }): Promise<TestUser> {
  return createUserIn(rigInfo(), localPart, options);
}

/** Sends through Postfix (SMTP → LMTP → Dovecot); resolves once the message is in the recipient's Maildir. */
export function deliver(message: DeliverableMessage): Promise<void> {
  return deliverVia(rigInfo(), message);
}

/** Writes raw messages straight into a folder's Maildir (unseen unless `seen`), then `doveadm index`es it. */
export function seedMaildir(user: TestUser, folder: string, rawMessages: Array<string | Buffer>, opts?: { seen?: boolean }): Promise<void> {
  return seedMaildirIn(rigInfo().dir, user, folder, rawMessages, opts);
}

export function stopImap(): Promise<void> {
  const rig = rigInfo();
  return stopDovecot(rig.dir, rig.imapPort);
}

export async function startImap(): Promise<void> {
  const rig = rigInfo();
  await startDovecot(rig.dir, rig.imapPort);
  await reloadPostfix(rig.dir);
}

/** SIGKILL of Dovecot's master and children, as a crash mid-sync; `startImap` brings it back on the same ports. */
export function killImap(): Promise<void> {
  const rig = rigInfo();
  return killDovecot(rig.dir, rig.imapPort);
}
