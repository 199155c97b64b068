// The benchmark: `npm run bench` (10,000 messages) or `npm run bench -- --big` (100,000).
// Starts a private rig, seeds INBOX, measures mbsync and bare imapflow as references, then Postino
// (bench/postino.ts) in a child process of its own, and prints every figure in seconds plus the ratios.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser, startRig } from '../tests/rig';
import { resetFolderIndex } from '../tests/rig/maildir';
import { seedGeneratedMessages } from '../tests/rig/seed';
import { measureMbsync } from './mbsync';
import { buildPostinoChild } from './buildChild';
import { childErrorLine, runMeasuredBuilt, runMeasuredScript } from './measuredChild';
import { plainClient } from './plainClient';
import { printPostino, printReference, type ReferenceFigures } from './report';
import type { RigInfo, TestUser } from '../tests/rig';

const args = process.argv.slice(2);
const countArg = args.indexOf('--count');
const count = countArg >= 0 ? Number(args[countArg + 1]) : args.includes('--big') ? 100_000 : 10_000;
const keepRig = args.includes('--keep');
const benchDir = fileURLToPath(new URL('.', import.meta.url));

await mkdir(fileURLToPath(new URL('../.rig/', import.meta.url)), { recursive: true });
const dir = await mkdtemp(fileURLToPath(new URL('../.rig/bench-', import.meta.url)));
const rig = await startRig({ dir });
try {
  const user = await createUser('bench');
  console.log(`bench: seeding ${count.toLocaleString('en')} messages into ${user.address} …`);
  const seeded = await seedGeneratedMessages(dir, user, 'INBOX', { count, seed: 42 });
  console.log(`bench: ${(seeded.bytes / 1e9).toFixed(2)} GB, ${(seeded.bytes / count / 1024).toFixed(1)} KB a message on average`);

  const { stop: _stop, ...info } = rig;
  await settleSeededFolder(info, user);
  const childArgs = JSON.stringify({ rig: info, user });
  // Every client meets the same server: the index as `doveadm index` left it, without what the previous client's
  // fetches added to Dovecot's cache (see resetFolderIndex).
  const sameServer = (): Promise<void> => resetFolderIndex(dir, user, 'INBOX');
  await sameServer();
  const imapflow = await runMeasuredScript(join(benchDir, 'imapflowReference.ts'), [childArgs]);
  const imapflowFigures = JSON.parse(imapflow.stdout) as { headers: { seconds: number; messages: number }; noChange: { seconds: number } };
  if (imapflowFigures.headers.messages !== count) throw new Error(`bench: imapflow saw ${imapflowFigures.headers.messages} of ${count} messages`);
  await sameServer();
  const mbsync = await measureMbsync(info, user, dir);

  const reference: ReferenceFigures = {
    seedSeconds: seeded.seconds,
    indexSeconds: seeded.indexSeconds,
    mbsyncFullSeconds: mbsync.full.seconds,
    mbsyncNoChangeSeconds: mbsync.noChange.seconds,
    mbsyncPeakRssMb: mbsync.full.peakRssMb,
    imapflowHeadersSeconds: imapflowFigures.headers.seconds,
    imapflowCondstoreNoChangeSeconds: imapflowFigures.noChange.seconds,
    imapflowPeakRssMb: imapflow.peakRssMb,
  };
  printReference(count, reference);

  try {
    const child = await buildPostinoChild();
    await sameServer();
    const postino = await runMeasuredBuilt(child, [childArgs]);
    const figures = JSON.parse(postino.stdout) as Record<string, number>;
    const ratios = printPostino(figures, postino.peakRssMb, reference);
    console.log(`\n${JSON.stringify({ count, reference, postino: { ...figures, peakRssMb: postino.peakRssMb }, ratios })}`);
  } catch (error) {
    // "Not wired" is expected until the core exists; anything else is a failure worth its whole stack.
    const line = childErrorLine(error);
    console.log(`\nPostino: not measured — ${line.includes('not wired') ? line : (error as Error).message}`);
    console.log(`\n${JSON.stringify({ count, reference })}`);
  }
} finally {
  await rig.stop();
  if (!keepRig) await rm(dir, { recursive: true, force: true });
}

/**
 * Seeded messages wait in the Maildir's new/, and the first session that SELECTs the folder has Dovecot move every
 * one of them to cur/: about two seconds at 100,000 that would land on whichever client is measured first. A
 * long-running server did that long ago, so one throwaway SELECT does it here.
 */
async function settleSeededFolder(server: RigInfo, owner: TestUser): Promise<void> {
  const client = plainClient(server, owner);
  await client.connect();
  await client.mailboxOpen('INBOX');
  await client.logout();
}
