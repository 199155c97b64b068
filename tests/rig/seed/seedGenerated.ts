import { indexFolder, writeMaildirMessage } from '../maildir';
import { ensureMailAccount } from '../system';
import type { TestUser } from '../types';
import { makeMaildirFolder } from '../users';
import { generateMessages } from './generate';
import { createRandom } from './random';

export interface SeedGeneratedOptions {
  count: number;
  seed?: number;
  /** Share of messages written as read (`cur/…:2,S`); the rest go unseen into `new/`. Default 0. */
  seenFraction?: number;
  /** Date of the oldest message (see generateMessages). */
  startDate?: Date;
  onProgress?: (written: number) => void;
}

export interface SeedResult { count: number; bytes: number; seconds: number; indexSeconds: number }

// Enough writes in flight to keep libuv's threadpool busy while the generator, on the main thread, makes the next.
const writesInFlight = 32;

/**
 * Writes `count` generated messages straight into a user's Maildir folder, streaming (never all in memory),
 * then runs `doveadm index` so the server is warm, as a long-running one would be.
 */
export async function seedGeneratedMessages(rigDir: string, user: TestUser, folder: string, options: SeedGeneratedOptions): Promise<SeedResult> {
  const started = performance.now();
  const ids = await ensureMailAccount();
  const folderDir = await makeMaildirFolder(user.maildir, folder);
  const seed = options.seed ?? 1;
  const seenRandom = createRandom(seed ^ 0x5eed);
  const pending = new Set<Promise<void>>();
  let written = 0;
  let bytes = 0;

  for (const raw of generateMessages({ count: options.count, seed, startDate: options.startDate, recipient: { name: user.address.split('@')[0] ?? '', address: user.address } })) {
    const write = writeMaildirMessage(folderDir, raw, seenRandom.chance(options.seenFraction ?? 0), ids).then(() => {
      pending.delete(write);
      written += 1;
      if (written % 1000 === 0) options.onProgress?.(written);
    });
    pending.add(write);
    bytes += raw.length;
    if (pending.size >= writesInFlight) await Promise.race(pending);
  }
  await Promise.all(pending);

  const indexStarted = performance.now();
  await indexFolder(rigDir, user.address, folder);
  const finished = performance.now();
  return { count: options.count, bytes, seconds: (finished - started) / 1000, indexSeconds: (finished - indexStarted) / 1000 };
}
