import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigInfo, TestUser } from '../tests/rig';
import { runMeasured, type ChildMeasurement } from './measuredChild';

/**
 * mbsync as RIG-NOTES describes it: no TLS (measure the protocol, not Dovecot's TLS), FSync off (its default
 * fsyncs measure the disk), pull only into a fresh Maildir.
 */
function mbsyncConfig(rig: RigInfo, user: TestUser, localDir: string): string {
  return `FSync no

IMAPAccount bench
Host ${rig.host}
Port ${rig.imapPort}
User ${user.username}
Pass ${user.password}
SSLType None
AuthMechs LOGIN

IMAPStore bench-far
Account bench

MaildirStore bench-near
Path ${localDir}/
Inbox ${localDir}/INBOX
SubFolders Verbatim

Channel bench
Far :bench-far:
Near :bench-near:
Patterns INBOX
Sync Pull
Create Near
SyncState *
`;
}

export interface MbsyncFigures { full: ChildMeasurement; noChange: ChildMeasurement }

export async function measureMbsync(rig: RigInfo, user: TestUser, workDir: string): Promise<MbsyncFigures> {
  const localDir = join(workDir, 'mbsync-maildir');
  const configPath = join(workDir, 'mbsyncrc');
  await mkdir(localDir, { recursive: true });
  await writeFile(configPath, mbsyncConfig(rig, user, localDir), { mode: 0o600 });
  const argv = ['mbsync', '-q', '-c', configPath, 'bench'];
  const full = await runMeasured(argv);
  // mbsync waits for the Maildir's mtime second to pass before trusting it; without this pause the
  // no-change figure would be mostly that wait.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const noChange = await runMeasured(argv);
  await quietDisk(localDir);
  return { full, noChange };
}

/**
 * mbsync's copy is 2.8 GB of new files at 100k, dirty in the page cache. The kernel would write them back over the
 * next half-minute or so, which is when the client measured next runs: its commits and checkpoints would queue behind
 * that writeback, a handicap no other client has. Deleting the copy drops its dirty pages, and `sync` waits for
 * whatever writeback had already started.
 */
async function quietDisk(localDir: string): Promise<void> {
  await rm(localDir, { recursive: true, force: true });
  execFileSync('sync');
}
