// Child process: the bare-imapflow reference figures, printed as JSON on stdout.
// Usage: node --import tsx bench/imapflowReference.ts '<{ rig, user }>'
import type { RigInfo, TestUser } from '../tests/rig';
import { plainClient } from './plainClient';

/** `UID FETCH 1:* (UID FLAGS ENVELOPE BODYSTRUCTURE INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (REFERENCES)])`. */
async function fetchAllHeaders(rig: RigInfo, user: TestUser): Promise<{ seconds: number; messages: number }> {
  const started = performance.now();
  const connection = plainClient(rig, user);
  await connection.connect();
  const lock = await connection.getMailboxLock('INBOX');
  let messages = 0;
  try {
    const query = { uid: true, flags: true, envelope: true, bodyStructure: true, internalDate: true, size: true, headers: ['references'] };
    for await (const message of connection.fetch('1:*', query, { uid: true })) if (message.uid) messages += 1;
  } finally {
    lock.release();
    await connection.logout();
  }
  return { seconds: (performance.now() - started) / 1000, messages };
}

/** Login, SELECT (CONDSTORE), `UID FETCH 1:* (FLAGS) (CHANGEDSINCE <highest>)`: what a no-change resync costs. */
async function condstoreNoChange(rig: RigInfo, user: TestUser): Promise<{ seconds: number; changed: number }> {
  const probe = plainClient(rig, user);
  await probe.connect();
  const status = await probe.status('INBOX', { highestModseq: true });
  await probe.logout();
  const highestModseq = status ? status.highestModseq : undefined;
  if (highestModseq === undefined) throw new Error('bench: the server did not report HIGHESTMODSEQ');

  const started = performance.now();
  const connection = plainClient(rig, user);
  await connection.connect();
  const lock = await connection.getMailboxLock('INBOX');
  let changed = 0;
  try {
    for await (const message of connection.fetch('1:*', { uid: true, flags: true }, { uid: true, changedSince: highestModseq })) if (message.uid) changed += 1;
  } finally {
    lock.release();
    await connection.logout();
  }
  return { seconds: (performance.now() - started) / 1000, changed };
}

const { rig, user } = JSON.parse(process.argv[2] ?? '{}') as { rig: RigInfo; user: TestUser };
const headers = await fetchAllHeaders(rig, user);
const noChange = await condstoreNoChange(rig, user);
process.stdout.write(JSON.stringify({ headers, noChange }));
